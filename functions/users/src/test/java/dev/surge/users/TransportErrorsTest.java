package dev.surge.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Errors raised by the HTTP layer itself are problem documents too. */
@QuarkusTest
class TransportErrorsTest {

  @Test
  void wrongMediaTypeIs415() {
    given()
        .contentType("text/plain")
        .body("hello")
        .post("/users")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("status", equalTo(415));
  }

  @Test
  void wrongMethodIs405() {
    given()
        .delete("/users/1")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("status", equalTo(405));
  }

  @Test
  void oversizedBodyIs413() {
    given()
        .contentType("application/json")
        .body("{\"email\":\"" + "x".repeat(200_000) + "\"}")
        .post("/users")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413));
  }
}
