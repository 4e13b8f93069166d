package dev.surge.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.events.support.Events;
import dev.surge.events.support.TestEffects;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /events} as a Knative KafkaSource calls it. */
@QuarkusTest
class HttpDeliveryTest {
  @Inject TestEffects effects;

  @BeforeEach
  void table() {
    effects.createTable().await().atMost(Duration.ofSeconds(10));
  }

  @Test
  void binaryAndStructuredDeliveriesOfOneEventHaveOneEffect() {
    String id = Events.newId();
    for (int i = 0; i < 2; i++) {
      binary(id, "{\"value\":\"x\"}").then().statusCode(202);
      given()
          .contentType("application/cloudevents+json; charset=UTF-8")
          .body(Events.structured(id, "x"))
          .post("/events")
          .then()
          .statusCode(202);
    }
    assertEquals(1L, effects.effects(id).await().atMost(Duration.ofSeconds(5)));
  }

  @Test
  void malformedEventsAre400ProblemsWithoutEffect() {
    given()
        .contentType("application/cloudevents+json")
        .body("{not json")
        .post("/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400));
    given()
        .contentType("application/json")
        .header("ce-specversion", "1.0")
        .header("ce-type", TestEffects.TYPE)
        .header("ce-source", "/surge/test")
        .body("{\"value\":\"x\"}")
        .post("/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    binary(Events.newId(), "{\"value\":\"poison\"}").then().statusCode(400);
  }

  @Test
  void aTransientFailureIs503SoTheSenderRetries() {
    binary(Events.newId(), "{\"value\":\"fail\"}")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "1");
  }

  @Test
  void unknownTypesAreAcknowledged() {
    given()
        .contentType("application/json")
        .header("ce-specversion", "1.0")
        .header("ce-id", Events.newId())
        .header("ce-type", "surge.other.thing.v1")
        .header("ce-source", "/surge/other")
        .body("{}")
        .post("/events")
        .then()
        .statusCode(202);
  }

  private static io.restassured.response.Response binary(String id, String data) {
    return given()
        .contentType("application/json")
        .header("ce-specversion", "1.0")
        .header("ce-id", id)
        .header("ce-type", TestEffects.TYPE)
        .header("ce-source", "/surge/test")
        .header("ce-time", "2026-11-24T00:00:00Z")
        .body(data)
        .post("/events");
  }
}
