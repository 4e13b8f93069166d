package dev.surge.graph;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.events.EventTypes;
import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Consumers;
import dev.surge.testing.Publish;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Issue 12: follows of ids nobody owns are stored but never shown, until the id signs up. */
@QuarkusTest
class KnownUsersTest {

  @Test
  void aFollowOfAnUnknownIdIsStoredButShownOnlyOnceItSignsUp() throws Exception {
    long me = SurgeIds.next();
    long ghost = SurgeIds.next();
    SignUps.known(me);
    given()
        .auth()
        .oauth2(Tokens.forUser(me))
        .put("/users/{id}/following/{t}", me, ghost)
        .then()
        .statusCode(204);
    assertEquals(
        1,
        SignUps.count("select count(*) from graph_following where user_id = ?", me),
        "the edge is stored: the sign-up may just be late");
    hidden(me, ghost);

    String signUp = SignUps.publish(ghost);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                given()
                    .get("/users/{id}/following", me)
                    .then()
                    .body("items.userId", equalTo(java.util.List.of(Long.toString(ghost)))));
    shown(me, ghost);

    SignUps.again(signUp, ghost);
    SignUps.publish(ghost);
    Consumers.awaitCaughtUp("graph", Duration.ofSeconds(30), EventTypes.USERS_TOPIC);
    shown(me, ghost);
    assertEquals(1, SignUps.count("select count(*) from graph_users where user_id = ?", ghost));
  }

  @Test
  void anUnknownFollowerIsNotShownOnTheTargetsSide() {
    long stranger = SurgeIds.next();
    long star = SurgeIds.next();
    SignUps.known(star);
    given()
        .auth()
        .oauth2(Tokens.forUser(stranger))
        .put("/users/{id}/following/{t}", stranger, star)
        .then()
        .statusCode(204);
    given().get("/users/{id}/followers", star).then().statusCode(200).body("items", hasSize(0));
    given().get("/users/{id}/graph", star).then().body("followers", equalTo(0));
    given()
        .auth()
        .oauth2(Tokens.forUser(stranger))
        .delete("/users/{id}/following/{t}", stranger, star)
        .then()
        .statusCode(204);
    given().get("/users/{id}/graph", star).then().body("followers", equalTo(0));
  }

  @Test
  void aSignUpPostedTwiceOverHttpCountsOnceAndBadDataIsAProblem() {
    long fan = SurgeIds.next();
    long newcomer = SurgeIds.next();
    SignUps.known(fan);
    given()
        .auth()
        .oauth2(Tokens.forUser(fan))
        .put("/users/{id}/following/{t}", fan, newcomer)
        .then()
        .statusCode(204);
    String body = SignUps.json(UUID.randomUUID().toString(), newcomer);
    for (int i = 0; i < 2; i++) {
      given()
          .contentType("application/cloudevents+json")
          .body(body)
          .post("/events")
          .then()
          .statusCode(202);
    }
    shown(fan, newcomer);
    given()
        .contentType("application/cloudevents+json")
        .body(
            Publish.json(
                UUID.randomUUID().toString(),
                EventTypes.USER_SIGNED_UP,
                "1",
                Map.of("handle", "nobody")))
        .post("/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private static void hidden(long me, long ghost) {
    given().get("/users/{id}/following", me).then().statusCode(200).body("items", hasSize(0));
    given().get("/users/{id}/graph", me).then().body("following", equalTo(0));
    given().get("/users/{id}/followers", ghost).then().body("items", hasSize(0));
    given().get("/users/{id}/graph", ghost).then().body("followers", equalTo(0));
  }

  private static void shown(long me, long ghost) {
    given().get("/users/{id}/following", me).then().body("items", hasSize(1));
    given().get("/users/{id}/graph", me).then().body("following", equalTo(1));
    given()
        .get("/users/{id}/followers", ghost)
        .then()
        .body("items.userId", equalTo(java.util.List.of(Long.toString(me))));
    given().get("/users/{id}/graph", ghost).then().body("followers", equalTo(1));
  }
}
