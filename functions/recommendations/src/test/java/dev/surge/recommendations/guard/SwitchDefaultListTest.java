package dev.surge.recommendations.guard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dev.surge.model.events.EventTypes;
import dev.surge.model.events.Followed;
import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Consumers;
import dev.surge.testing.Publish;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The recommendations-default kill switch: everyone gets the popular list, within 2 s. */
@QuarkusTest
class SwitchDefaultListTest {
  static final Publish PUBLISH = new Publish();

  @BeforeAll
  static void consumerCaughtUp() {
    Consumers.awaitCaughtUp(
        "recommendations", Duration.ofMinutes(2), EventTypes.USERS_TOPIC, EventTypes.GRAPH_TOPIC);
  }

  static void flip(boolean on) {
    given()
        .auth()
        .oauth2(Tokens.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("on", on))
        .put("/admin/switches/recommendations-default")
        .then()
        .statusCode(200);
  }

  static void follow(long follower, long target) {
    PUBLISH.event(
        EventTypes.GRAPH_TOPIC,
        EventTypes.GRAPH_FOLLOWED,
        Long.toString(follower),
        new Followed(Long.toString(follower), Long.toString(target), Instant.now()));
  }

  static ValidatableResponse mine(long user) {
    return given()
        .auth()
        .oauth2(Tokens.forUser(user))
        .get("/recommendations/me")
        .then()
        .statusCode(200);
  }

  @AfterEach
  void off() {
    flip(false);
  }

  @Test
  void theSwitchServesThePopularListInsteadOfThePreparedOne() {
    long a = SurgeIds.next();
    long b = SurgeIds.next();
    long c = SurgeIds.next();
    follow(b, c);
    follow(a, b);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> mine(a).body("items[0].reason", equalTo("followed-by-people-you-follow")));
    flip(true);
    Awaitility.await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> mine(a).body("items.reason", everyItem(equalTo("popular"))));
    flip(false);
    Awaitility.await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () -> mine(a).body("items[0].reason", equalTo("followed-by-people-you-follow")));
  }
}
