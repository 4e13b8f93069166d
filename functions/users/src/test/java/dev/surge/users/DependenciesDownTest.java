package dev.surge.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.users.support.Accounts;
import dev.surge.users.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness means "this pod can serve" (README, "Health"). With Kafka and Redis both unreachable
 * the users function stays ready and keeps serving sign-ups and reads from PostgreSQL; each new
 * user's event waits in the outbox until Kafka is back.
 */
@QuarkusTest
@TestProfile(DependenciesDownTest.KafkaAndRedisDown.class)
class DependenciesDownTest {

  /** Nothing listens on port 1: every connection is refused, as when a broker or node is down. */
  public static class KafkaAndRedisDown implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // On the channel itself: KAFKA_BOOTSTRAP_SERVERS in the environment outranks a profile's
      // kafka.bootstrap.servers.
      return Map.of(
          "mp.messaging.outgoing.outbox.bootstrap.servers", "127.0.0.1:1",
          "quarkus.redis.hosts", "redis://127.0.0.1:1");
    }
  }

  @Test
  void staysReadyAndServesSignUpsAndReads() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

    var account = Accounts.create(); // sign-up (201) and log-in (200), or the test fails
    given()
        .get("/users/{id}", account.id())
        .then()
        .statusCode(200)
        .body("handle", equalTo(account.handle()));

    String pending =
        "select count(*) from outbox_events where event_key = ? and published_at is null";
    assertEquals(1, Db.count(pending, account.id()), "the event waits in the outbox for Kafka");
    given().get("/q/health/ready").then().statusCode(200);
  }
}
