package dev.surge.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.cache.support.TestItems;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Penetration: ids that do not exist are stopped by the Bloom filter and negative entries. */
@QuarkusTest
class PenetrationTest {
  private static final long MISSING_FROM = 1_000_000;

  @Inject TestItems items;
  @Inject Caches caches;

  @Test
  void tenThousandRandomMissingIdsMakeAtMostOnePercentQueries() {
    given()
        .auth()
        .oauth2(Tokens.admin())
        .post("/admin/caches/items/bloom/rebuild")
        .then()
        .statusCode(200)
        .body("ids", equalTo(1000));
    items.forget(MISSING_FROM, Long.MAX_VALUE);
    int callsBefore = items.loaderCalls();
    Random random = new Random(42);
    for (int batch = 0; batch < 50; batch++) {
      List<Uni<CacheRead<String>>> gets = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String id = Long.toString(MISSING_FROM + (random.nextLong() & 0xFFFFFFFFFFFFL));
        gets.add((i % 2 == 0 ? items.a() : items.b()).get(id, items::load));
      }
      Uni.join()
          .all(gets)
          .andFailFast()
          .await()
          .atMost(Duration.ofSeconds(20))
          .forEach(r -> assertNull(r.value()));
    }
    long queries = items.dbQueries(MISSING_FROM, Long.MAX_VALUE);
    System.out.printf("penetration: 10000 missing ids -> %d database queries%n", queries);
    assertEquals(queries, items.loaderCalls() - callsBefore);
    assertTrue(queries <= 100, queries + " queries for 10,000 missing ids");
    // Existing ids still pass the filter.
    assertEquals("item-3", items.a().get("3", items::load).await().indefinitely().value());
  }

  @Test
  void missingIdIsRememberedAsNegative() {
    var cache =
        caches.create(
            new CacheSpec<>("nobloom", "test:" + UUID.randomUUID() + ":nb", String.class, null));
    int callsBefore = items.loaderCalls();
    assertNull(cache.get("2000000001", items::load).await().indefinitely().value());
    CacheRead<String> again = cache.get("2000000001", items::load).await().indefinitely();
    assertNull(again.value());
    assertEquals(Level.L1, again.level());
    assertEquals(1, items.loaderCalls() - callsBefore);
  }

  @Test
  void adminEndpointAnswersBadInputWithProblemJson() {
    given()
        .auth()
        .oauth2(Tokens.admin())
        .post("/admin/caches/Bad_Name/bloom/rebuild")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:surge:problem:validation"));
    given()
        .auth()
        .oauth2(Tokens.admin())
        .post("/admin/caches/nope/bloom/rebuild")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
