package dev.surge.users.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/** Creates real accounts through the API, each with a unique email and handle. */
public final class Accounts {
  public static final String PASSWORD = "correct horse battery";

  private Accounts() {}

  public record Account(String id, String email, String handle, String token) {}

  public static String uniqueHandle() {
    return "u_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  public static Map<String, Object> signupBody(String handle) {
    return Map.of(
        "email",
        handle + "@example.com",
        "handle",
        handle,
        "displayName",
        "Test " + handle,
        "password",
        PASSWORD);
  }

  /** Signs up and logs in; fails the test if either step does not succeed. */
  public static Account create() {
    String handle = uniqueHandle();
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(signupBody(handle))
            .post("/users")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Account(id, handle + "@example.com", handle, logIn(handle + "@example.com"));
  }

  public static String logIn(String email) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", PASSWORD))
        .post("/sessions")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }
}
