package dev.surge.users;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.users.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The logs as prod writes them (JSON, one object per line), with Surge's own loggers at DEBUG: a
 * sign-up, logins right and wrong, authenticated calls and a malformed body never put a password, a
 * token or a key into any line, and every line is JSON naming the function.
 */
@QuarkusTest
@TestProfile(LogSecretsTest.JsonFileLog.class)
class LogSecretsTest {
  static final Path LOG = Path.of("target/log-secrets-test.log");

  /** prod's JSON format, into a file the test reads; Surge's code at DEBUG, the rest at INFO. */
  public static class JsonFileLog implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.log.file.enabled", "true",
          "quarkus.log.file.path", LOG.toString(),
          "quarkus.log.file.json.enabled", "true",
          "quarkus.log.file.json.additional-field.function.value", "users",
          "quarkus.log.category.\"dev.surge\".level", "DEBUG");
    }
  }

  @Test
  void noSecretEverReachesTheLog() throws Exception {
    String secret = "s3cret-" + Accounts.uniqueHandle();
    String handle = Accounts.uniqueHandle();
    Map<String, Object> body = new java.util.HashMap<>(Accounts.signupBody(handle));
    body.put("password", secret);
    given().contentType(ContentType.JSON).body(body).post("/users").then().statusCode(201);
    String token =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("email", handle + "@example.com", "password", secret))
            .post("/sessions")
            .then()
            .statusCode(200)
            .extract()
            .path("accessToken");
    for (int i = 0; i < 3; i++) {
      given()
          .contentType(ContentType.JSON)
          .body(Map.of("email", handle + "@example.com", "password", secret + "x"))
          .post("/sessions")
          .then()
          .statusCode(401);
    }
    String requestId = "log-test-" + handle;
    String userId =
        given()
            .auth()
            .oauth2(token)
            .header("X-Request-Id", requestId)
            .contentType(ContentType.JSON)
            .body(Map.of("bio", "logs"))
            .patch("/users/me")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    given()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"x@example.com\",\"password\":\"" + secret + "\",}")
        .post("/sessions")
        .then()
        .statusCode(400);
    given().auth().oauth2(token + "broken").patch("/users/me").then().statusCode(401);

    List<String> lines = Files.readAllLines(LOG);
    assertFalse(lines.isEmpty(), "the test run logged nothing");
    String privateKey = System.getenv("SURGE_JWT_PRIVATE_KEY");
    String keyBody =
        privateKey == null ? null : privateKey.lines().skip(1).findFirst().orElse(null);
    ObjectMapper json = new ObjectMapper();
    assertTrue(
        lines.stream()
            .map(line -> read(json, line).path("mdc"))
            .anyMatch(
                mdc ->
                    requestId.equals(mdc.path("requestId").asText())
                        && userId.equals(mdc.path("userId").asText())),
        "a line of the PATCH carries its request id and user id");
    for (String line : lines) {
      assertFalse(line.contains(secret), "a password in the log: " + line);
      assertFalse(line.contains(token.substring(token.lastIndexOf('.') + 1)), "a token: " + line);
      assertFalse(line.contains(token.substring(0, token.lastIndexOf('.'))), "a token: " + line);
      assertFalse(keyBody != null && line.contains(keyBody), "the signing key: " + line);
      JsonNode record = read(json, line);
      assertTrue(record.has("message") && "users".equals(record.path("function").asText()), line);
    }
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }
}
