package dev.surge.posts.guard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A leased class (read: GET /posts/{id}) takes its tokens from Redis ten at a time and still admits
 * exactly what the shared bucket holds: the bucket in Redis drops by the lease, not by one, and the
 * 26th read of a 25-token bucket is refused.
 */
@QuarkusTest
@TestProfile(LeaseTest.SmallLeasedReads.class)
class LeaseTest {
  /** A bucket of 25 that hardly refills (one token per ~17 min), leased 10 at a time. */
  public static class SmallLeasedReads implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "surge.guard.limits.read.capacity", "25",
          "surge.guard.limits.read.refill-per-second", "0.001",
          "surge.guard.limits.read.lease", "10",
          "surge.guard.limits.read.lease-for", "1m");
    }
  }

  @Test
  void leasesNeverAdmitMoreThanTheSharedBucket() {
    long user = SurgeIds.next();
    String token = Tokens.forUser(user);
    given().auth().oauth2(token).get("/posts/{id}", SurgeIds.next()).then().statusCode(404);
    assertEquals(15, tokensInRedis(user), "the first read leased 10 tokens in one call");

    int admitted = 1;
    for (int i = 0; i < 40; i++) {
      int status = given().auth().oauth2(token).get("/posts/{id}", SurgeIds.next()).statusCode();
      admitted += status == 404 ? 1 : 0;
    }
    assertEquals(25, admitted, "admitted reads");
    assertEquals(0, tokensInRedis(user));
  }

  private static long tokensInRedis(long user) {
    Vertx vertx = Vertx.vertx();
    try {
      RedisAPI redis = RedisAPI.api(Redis.createClient(vertx, "redis://127.0.0.1:6379"));
      String tokens =
          redis.hget("{rl:read:u:" + user + "}", "tokens").await().indefinitely().toString();
      return (long) Math.floor(Double.parseDouble(tokens));
    } finally {
      vertx.closeAndAwait();
    }
  }
}
