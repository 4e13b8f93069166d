package dev.surge.graph;

import dev.surge.model.events.EventTypes;
import dev.surge.model.events.UserSignedUp;
import dev.surge.testing.Consumers;
import dev.surge.testing.Publish;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;

/**
 * Tells graph that users exist the way production does: their signed-up events on the real users
 * topic, which graph consumes. Tests that expect edges listed or counted sign both sides up first,
 * since follows of unknown ids are never shown.
 */
final class SignUps {
  static final Publish PUBLISH = new Publish();
  private static volatile boolean caughtUp;

  private SignUps() {}

  /** Publishes one signed-up event and returns its CloudEvent id. */
  static String publish(long user) {
    return PUBLISH.event(EventTypes.USERS_TOPIC, EventTypes.USER_SIGNED_UP, id(user), data(user));
  }

  /** The same event (same id and data) once more: a redelivery. */
  static void again(String eventId, long user) {
    PUBLISH.again(EventTypes.USERS_TOPIC, eventId, EventTypes.USER_SIGNED_UP, id(user), data(user));
  }

  /** The structured CloudEvent a Knative KafkaSource would post to /events for this sign-up. */
  static String json(String eventId, long user) {
    return Publish.json(eventId, EventTypes.USER_SIGNED_UP, id(user), data(user));
  }

  /** Signs the users up and waits until graph knows them all. */
  static void known(long... users) {
    awaitConsumerCaughtUp();
    for (long user : users) {
      publish(user);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              for (long user : users) {
                if (!isKnown(user)) {
                  return false;
                }
              }
              return true;
            });
  }

  /**
   * The users topic is shared by every module's tests; graph's group may first have a backlog to
   * read (once per test run).
   */
  static void awaitConsumerCaughtUp() {
    if (!caughtUp) {
      Consumers.awaitCaughtUp("graph", Duration.ofMinutes(3), EventTypes.USERS_TOPIC);
      caughtUp = true;
    }
  }

  static boolean isKnown(long user) throws SQLException {
    return count("select count(*) from graph_users where user_id = ?", user) == 1;
  }

  /** A count from the test database (graph's one test instance holds every shard). */
  static long count(String sql, long user) throws SQLException {
    try (var c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/surge_test", "surge", "surge");
        var s = c.prepareStatement(sql)) {
      s.setLong(1, user);
      var rs = s.executeQuery();
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String id(long user) {
    return Long.toString(user);
  }

  private static UserSignedUp data(long user) {
    return new UserSignedUp(id(user), "u" + user % 1000000, "User " + user, Instant.now());
  }
}
