package dev.surge.posts.guard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compose class (routes.yaml: POST /posts, limit compose, per user): a burst of 30, then 429
 * problem+json with Retry-After and the draft's RateLimit and RateLimit-Policy fields.
 */
@QuarkusTest
@TestProfile(LimitTest.ComposeAsInProduction.class)
class LimitTest {
  /** %test lifts every class (the suites compose a lot); this test needs compose's real size. */
  public static class ComposeAsInProduction implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "surge.guard.limits.compose.capacity", "30",
          "surge.guard.limits.compose.refill-per-second", "0.5");
    }
  }

  static Response compose(String token) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("text", "burst"))
        .post("/posts");
  }

  @Test
  void composeIsLimitedPerUser() {
    String token = Tokens.forUser(SurgeIds.next());
    compose(token)
        .then()
        .statusCode(201)
        .header("RateLimit-Policy", "\"compose\";q=30;w=60")
        .header("RateLimit", matchesPattern("\"compose\";r=29;t=\\d+"));
    int accepted = 1;
    Response refused = null;
    // 30 in the burst, plus the odd token refilled (0.5/s) while the loop runs.
    for (int i = 0; i < 40 && refused == null; i++) {
      Response r = compose(token);
      if (r.statusCode() == 429) {
        refused = r;
      } else {
        r.then().statusCode(201);
        accepted++;
      }
    }
    assertTrue(refused != null && accepted >= 30 && accepted <= 35, "accepted " + accepted);
    refused
        .then()
        .contentType("application/problem+json")
        .body("type", equalTo("urn:surge:problem:too-many-requests"))
        .body("status", equalTo(429))
        .header("Retry-After", matchesPattern("[1-9]\\d*"))
        .header("RateLimit-Policy", "\"compose\";q=30;w=60")
        .header("RateLimit", matchesPattern("\"compose\";r=0;t=[1-9]\\d*"));

    // Another user's bucket is full, and reads are another class.
    compose(Tokens.forUser(SurgeIds.next())).then().statusCode(201);
    given().auth().oauth2(token).get("/posts/{id}", SurgeIds.next()).then().statusCode(404);
  }
}
