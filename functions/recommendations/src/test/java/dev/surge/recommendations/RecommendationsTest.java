package dev.surge.recommendations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.surge.model.events.EventTypes;
import dev.surge.model.events.Followed;
import dev.surge.model.events.UserSignedUp;
import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Consumers;
import dev.surge.testing.Publish;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Driven by real CloudEvents on the real users and graph topics. */
@QuarkusTest
class RecommendationsTest {
  static final Publish PUBLISH = new Publish();

  @BeforeAll
  static void consumerCaughtUp() {
    Consumers.awaitCaughtUp(
        "recommendations", Duration.ofMinutes(2), EventTypes.USERS_TOPIC, EventTypes.GRAPH_TOPIC);
  }

  static String follow(long follower, long target) {
    return PUBLISH.event(
        EventTypes.GRAPH_TOPIC,
        EventTypes.GRAPH_FOLLOWED,
        Long.toString(follower),
        new Followed(Long.toString(follower), Long.toString(target), Instant.now()));
  }

  static io.restassured.response.ValidatableResponse mine(long user) {
    return given()
        .auth()
        .oauth2(Tokens.forUser(user))
        .get("/recommendations/me")
        .then()
        .statusCode(200);
  }

  @Test
  void aNewUserGetsPopularUsersPreparedAtSignUp() {
    long star = SurgeIds.next();
    for (int i = 0; i < 3; i++) {
      follow(SurgeIds.next(), star);
    }
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> popularity(star) == 3);
    long newcomer = SurgeIds.next();
    PUBLISH.event(
        EventTypes.USERS_TOPIC,
        EventTypes.USER_SIGNED_UP,
        Long.toString(newcomer),
        new UserSignedUp(Long.toString(newcomer), "n" + newcomer % 100000, "New", Instant.now()));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mine(newcomer)
                    .body("items.reason", everyItem(equalTo("popular")))
                    .body("items.userId", not(hasItem(Long.toString(newcomer))))
                    .body("items.size()", org.hamcrest.Matchers.greaterThan(0)));
  }

  @Test
  void followingSomeoneSuggestsWhoTheyFollow() {
    long a = SurgeIds.next();
    long b = SurgeIds.next();
    long c = SurgeIds.next();
    follow(b, c);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> popularity(c) == 1);
    follow(a, b);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mine(a)
                    .body("items[0].userId", equalTo(Long.toString(c)))
                    .body("items[0].reason", equalTo("followed-by-people-you-follow"))
                    .body("items.userId", not(hasItem(Long.toString(b)))));
  }

  @Test
  void oneFollowDeliveredThreeTimesCountsOnce() {
    long target = SurgeIds.next();
    long follower = SurgeIds.next();
    var data = new Followed(Long.toString(follower), Long.toString(target), Instant.now());
    String id = follow(follower, target);
    PUBLISH.again(
        EventTypes.GRAPH_TOPIC, id, EventTypes.GRAPH_FOLLOWED, Long.toString(follower), data);
    given()
        .contentType("application/json")
        .header("ce-specversion", "1.0")
        .header("ce-id", id)
        .header("ce-type", EventTypes.GRAPH_FOLLOWED)
        .header("ce-source", "/surge/graph")
        .body(
            Publish.json(id, EventTypes.GRAPH_FOLLOWED, Long.toString(follower), data)
                .replaceAll("^.*\"data\":(\\{[^}]*\\})}$", "$1"))
        .post("/events")
        .then()
        .statusCode(202);
    follow(SurgeIds.next(), target);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> popularity(target) == 2);
    Awaitility.await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> popularity(target) == 2);
  }

  @Test
  void anUnchangedListAnswers304ToItsETag() {
    long user = SurgeIds.next();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              String tag =
                  mine(user)
                      .header("Cache-Control", "private, max-age=60")
                      .header("ETag", notNullValue())
                      .extract()
                      .header("ETag");
              given()
                  .auth()
                  .oauth2(Tokens.forUser(user))
                  .header("If-None-Match", tag)
                  .get("/recommendations/me")
                  .then()
                  .statusCode(304)
                  .header("ETag", tag);
            });
  }

  @Test
  void recommendationsNeedAToken() {
    given()
        .get("/recommendations/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  static long popularity(long user) {
    try (var c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/surge_test", "surge", "surge");
        var s = c.prepareStatement("select followers from rec_popularity where user_id = ?")) {
      s.setLong(1, user);
      var rs = s.executeQuery();
      return rs.next() ? rs.getLong(1) : 0;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
