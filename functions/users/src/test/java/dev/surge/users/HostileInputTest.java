package dev.surge.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.ids.SurgeIds;
import dev.surge.model.routes.Routes;
import dev.surge.testing.Tokens;
import dev.surge.testing.hostile.HostileInputs;
import dev.surge.testing.hostile.HostileRunner;
import dev.surge.testing.hostile.Operation;
import dev.surge.testing.hostile.Rows;
import dev.surge.users.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile sign-ups (each a 400 problem document that writes nothing), then every
 * public operation of users against shared-testing's whole hostile-input table.
 */
@QuarkusTest
class HostileInputTest {
  private static final String OK_PASSWORD = "\"password\":\"long enough pw\"";

  static String body(String email, String handle, String displayName) {
    return "{\"email\":"
        + email
        + ",\"handle\":"
        + handle
        + ",\"displayName\":"
        + displayName
        + ","
        + OK_PASSWORD
        + "}";
  }

  static Stream<Arguments> payloads() {
    String big = "\"" + "x".repeat(20_000) + "\"";
    return Stream.of(
        Arguments.of("empty body", ""),
        Arguments.of("not JSON", "email=a@b.c&handle=abc"),
        Arguments.of("truncated JSON", "{\"email\":\"a@b.co\",\"handle\":"),
        Arguments.of("JSON array", "[1,2,3]"),
        Arguments.of("JSON null", "null"),
        Arguments.of("empty object", "{}"),
        Arguments.of(
            "missing password", "{\"email\":\"a@b.co\",\"handle\":\"abc\",\"displayName\":\"A\"}"),
        Arguments.of("email not an email", body("\"not-an-email\"", "\"h_one\"", "\"A\"")),
        Arguments.of("email is an object", body("{\"x\":1}", "\"h_two\"", "\"A\"")),
        Arguments.of("handle is a number array", body("\"a@b.co\"", "[1]", "\"A\"")),
        Arguments.of("handle too short", body("\"a@b.co\"", "\"ab\"", "\"A\"")),
        Arguments.of("handle with SQL", body("\"a@b.co\"", "\"x'; DROP TABLE users;--\"", "\"A\"")),
        Arguments.of("email with SQL", body("\"' OR 1=1 --@x.io\"", "\"h_three\"", "\"A\"")),
        Arguments.of("handle with unicode", body("\"a@b.co\"", "\"ünïcødé\"", "\"A\"")),
        Arguments.of("huge display name", body("\"a@b.co\"", "\"h_four\"", big)),
        Arguments.of(
            "huge email", body(big.replace("xx\"", "@example.com\""), "\"h_five\"", "\"A\"")),
        Arguments.of("blank display name", body("\"a@b.co\"", "\"h_six\"", "\"   \"")),
        Arguments.of("control characters", body("\"a@b.co\"", "\"h_seven\"", "\"bad\\u0000name\"")),
        Arguments.of("script tag handle", body("\"a@b.co\"", "\"<script>\"", "\"A\"")),
        Arguments.of(
            "short password",
            "{\"email\":\"a@b.co\",\"handle\":\"h_eight\",\"displayName\":\"A\",\"password\":\"short\"}"),
        Arguments.of(
            "unknown field",
            "{\"email\":\"a@b.co\",\"handle\":\"h_nine\",\"displayName\":\"A\","
                + OK_PASSWORD
                + ",\"admin\":true}"),
        Arguments.of(
            "password is a number",
            "{\"email\":\"a@b.co\",\"handle\":\"h_ten\",\"displayName\":\"A\",\"password\":{\"$gt\":\"\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void rejectedAsProblemWithNothingWritten(String name, String payload) {
    long before = Db.users();
    given()
        .contentType("application/json")
        .body(payload)
        .post("/users")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("title", not(containsString("Exception")))
        .body(not(containsString("at dev.surge")))
        .body(not(containsString("java.")));
    assertEquals(before, Db.users(), "no user row may be written for: " + name);
  }

  static final String[] TABLES = {"users", "user_emails", "user_handles", "outbox_events"};

  static List<Operation> operations() {
    String me = Tokens.forUser(SurgeIds.next());
    return Routes.ownedBy("users").stream()
        .map(
            route ->
                switch (route.path()) {
                  case "/users" ->
                      Operation.of(route, "POST")
                          .body(
                              Map.of(
                                  "email", "hostile@example.com",
                                  "handle", "hostile_one",
                                  "displayName", "Hostile",
                                  "password", "long enough password"));
                  case "/users/me" ->
                      Operation.of(route, "PATCH")
                          .token(me)
                          .body(Map.of("displayName", "Ada", "bio", "Engines"));
                  case "/users/{id}" -> Operation.of(route, "GET").with("id", SurgeIds.next());
                  case "/sessions" ->
                      Operation.of(route, "POST")
                          .body(Map.of("email", "ada@example.com", "password", "long enough pw"));
                  default -> throw new IllegalStateException("no hostile cases for " + route);
                })
        .toList();
  }

  @Test
  void everyOperationRefusesHostileInputAndWritesNothing() {
    var cases = operations().stream().flatMap(op -> HostileInputs.cases(op).stream()).toList();
    List<String> failures = HostileRunner.run(RestAssured.port, cases, () -> Rows.in(TABLES));
    assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases failed");
  }

  /**
   * 404s, 405s and 414s on unmatched paths share one uri label each; odd methods one method label.
   */
  @Test
  void unmatchedPathsAddNoMetricsSeries() {
    String marker = "zz" + SurgeIds.next();
    given().get("/" + marker).then().statusCode(404);
    given().delete("/users/" + marker).then().statusCode(405);
    given().request("FOO", "/users/1" + marker.substring(2)).then().statusCode(405);
    given().get("/users/1?" + marker + "=" + "a".repeat(5000)).then().statusCode(414);
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(not(containsString(marker)))
        .body(not(containsString(marker.substring(2))))
        .body(not(containsString("method=\"FOO\"")));
  }
}
