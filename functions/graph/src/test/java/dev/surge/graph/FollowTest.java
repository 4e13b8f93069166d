package dev.surge.graph;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.events.EventTypes;
import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FollowTest {

  @Test
  void followIsIdempotentAndAnnouncedOnce() {
    long me = SurgeIds.next();
    long her = SurgeIds.next();
    // Edges are listed and counted only between known users (KnownUsersTest).
    SignUps.known(me, her);
    for (int i = 0; i < 2; i++) {
      given()
          .auth()
          .oauth2(Tokens.forUser(me))
          .put("/users/{id}/following/{t}", me, her)
          .then()
          .statusCode(204);
    }
    given().get("/users/{id}/graph", me).then().statusCode(200).body("following", equalTo(1));
    given().get("/users/{id}/graph", her).then().body("followers", equalTo(1));
    given()
        .get("/users/{id}/followers", her)
        .then()
        .body("items[0].userId", equalTo(Long.toString(me)));

    try (var kafka = new KafkaCompanion("127.0.0.1:9092")) {
      var records =
          kafka
              .consumeStrings()
              .fromTopics(EventTypes.GRAPH_TOPIC, Duration.ofSeconds(4))
              .awaitCompletion()
              .getRecords()
              .stream()
              .filter(r -> Long.toString(me).equals(r.key()))
              .toList();
      assertEquals(1, records.size(), "one followed event for two PUTs");
      assertEquals(true, records.getFirst().value().contains(EventTypes.GRAPH_FOLLOWED));
    }
  }

  @Test
  void unfollowRemovesBothSidesAndIsIdempotent() {
    long me = SurgeIds.next();
    long him = SurgeIds.next();
    SignUps.known(me, him);
    String token = Tokens.forUser(me);
    given().auth().oauth2(token).put("/users/{id}/following/{t}", me, him).then().statusCode(204);
    given().get("/users/{id}/graph", him).then().body("followers", equalTo(1));
    for (int i = 0; i < 2; i++) {
      given()
          .auth()
          .oauth2(token)
          .delete("/users/{id}/following/{t}", me, him)
          .then()
          .statusCode(204);
    }
    given().get("/users/{id}/graph", me).then().body("following", equalTo(0));
    given().get("/users/{id}/graph", him).then().body("followers", equalTo(0));
  }

  @Test
  void onlyTheOwnerChangesTheirFollowsAndBadInputIsAProblem() {
    long me = SurgeIds.next();
    long other = SurgeIds.next();
    given().put("/users/{id}/following/{t}", me, other).then().statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.forUser(other))
        .put("/users/{id}/following/{t}", me, other + 1)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Tokens.forUser(me))
        .put("/users/{id}/following/{t}", me, me)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Tokens.forUser(me))
        .put("/users/{id}/following/{t}", me, "not-an-id")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
