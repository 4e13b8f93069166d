package dev.surge.feed;

import static io.restassured.RestAssured.given;

import dev.surge.model.events.EventTypes;
import dev.surge.model.events.Followed;
import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Publish;
import dev.surge.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same event three times (two Kafka deliveries, one KafkaSource-style HTTP) has one effect. */
@io.quarkus.test.junit.QuarkusTest
class DeliveryTest {

  @BeforeAll
  static void consumerCaughtUp() {
    Scenario.consumerCaughtUp();
  }

  final Publish publish = Scenario.PUBLISH;

  @Test
  void oneEventDeliveredThreeTimesCountsOnce() {
    long author = SurgeIds.next();
    long follower = SurgeIds.next();
    var data = new Followed(Long.toString(follower), Long.toString(author), Instant.now());
    String id =
        publish.event(
            EventTypes.GRAPH_TOPIC, EventTypes.GRAPH_FOLLOWED, Long.toString(follower), data);
    publish.again(
        EventTypes.GRAPH_TOPIC, id, EventTypes.GRAPH_FOLLOWED, Long.toString(follower), data);
    given()
        .contentType("application/cloudevents+json")
        .body(Publish.json(id, EventTypes.GRAPH_FOLLOWED, Long.toString(follower), data))
        .post("/events")
        .then()
        .statusCode(202);
    // A later, different follow of the same author shows the duplicates were not counted.
    Scenario.follow(SurgeIds.next(), author);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Scenario.followers(author) == 2);
    Awaitility.await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> Scenario.followers(author) == 2);
  }

  @Test
  void theFeedNeedsATokenAndSaneParameters() {
    given().get("/feed").then().statusCode(401).contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Tokens.forUser(SurgeIds.next()))
        .get("/feed?cursor=abc")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType("application/cloudevents+json")
        .body("{\"specversion\":\"1.0\"}")
        .post("/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
