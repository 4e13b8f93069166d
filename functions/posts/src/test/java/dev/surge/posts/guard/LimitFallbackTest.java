package dev.surge.posts.guard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.ids.SurgeIds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis unreachable (nothing listens on 127.0.0.1:1): limits are decided by the in-process bucket,
 * counted in surge.guard.limit.fallbacks, and nothing answers 500.
 */
@QuarkusTest
@TestProfile(LimitFallbackTest.RedisDown.class)
class LimitFallbackTest {
  public static class RedisDown implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.redis.hosts", "redis://127.0.0.1:1",
          "surge.guard.limits.read.capacity", "3",
          "surge.guard.limits.read.refill-per-second", "0.01");
    }
  }

  @Test
  void theInProcessBucketLimitsWhenRedisIsDown() {
    String id = Long.toString(SurgeIds.next());
    for (int i = 0; i < 3; i++) {
      given().get("/posts/{id}", id).then().statusCode(404);
    }
    given()
        .get("/posts/{id}", id)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("status", equalTo(429));
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l -> l.startsWith("surge_guard_limit_fallbacks_total") && !l.endsWith(" 0.0")),
        "fallbacks counted");
  }
}
