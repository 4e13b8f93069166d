package dev.surge.posts.guard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.ids.SurgeIds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * With room for one request in progress, a burst of concurrent reads is partly shed: 503 +
 * Retry-After problem+json at once, never another 5xx; probes (/q/*) are never shed.
 */
@QuarkusTest
@TestProfile(ShedTest.OneAtATime.class)
class ShedTest {
  public static class OneAtATime implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("surge.guard.max-concurrent-requests", "1");
    }
  }

  @Test
  void aBurstPastTheLimitIsShedWith503() {
    given().get("/q/health/live").then().statusCode(200);
    ExecutorService threads = Executors.newFixedThreadPool(16);
    List<CompletableFuture<Response>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 64; i++) {
        calls.add(
            CompletableFuture.supplyAsync(
                () -> given().get("/users/{id}/posts", SurgeIds.next()), threads));
      }
      List<Response> responses = calls.stream().map(CompletableFuture::join).toList();
      List<Response> shed = responses.stream().filter(r -> r.statusCode() == 503).toList();
      assertTrue(!shed.isEmpty(), "some requests shed");
      assertTrue(
          responses.stream().allMatch(r -> r.statusCode() == 200 || r.statusCode() == 503),
          "only 200 and 503");
      for (Response r : shed) {
        r.then().contentType("application/problem+json").header("Retry-After", "1");
      }
    } finally {
      threads.shutdown();
    }
    given().get("/q/health/live").then().statusCode(200);
  }
}
