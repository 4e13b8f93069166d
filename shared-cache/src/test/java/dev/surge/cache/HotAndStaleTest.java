package dev.surge.cache;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.cache.support.TestItems;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Hot-key detection, logical expiry and the meters. */
@QuarkusTest
class HotAndStaleTest {
  @Inject TestItems items;
  @Inject RedisDataSource redis;
  @Inject MeterRegistry registry;

  @Test
  void aKeyTakingMostReadsBecomesHotAndIsExposedAsAMetric() {
    // Generous: the loop ends as soon as the key is hot; a loaded CI machine reads slowly.
    long deadline = System.currentTimeMillis() + 20_000;
    while (!items.a().hotKeys().contains("900") && System.currentTimeMillis() < deadline) {
      for (int i = 0; i < 200; i++) {
        items.a().get("900", items::load).await().indefinitely();
        String cold = Integer.toString(1 + ThreadLocalRandom.current().nextInt(800));
        items.a().get(cold, items::load).await().indefinitely();
      }
    }
    assertTrue(items.a().hotKeys().contains("900"), "hot keys: " + items.a().hotKeys());
    assertTrue(
        registry.get("surge.cache.hot.keys").tag("cache", "items").gauges().stream()
            .anyMatch(g -> g.value() >= 1));
    assertTrue(registry.get("surge.cache.hot.key.share").tag("key", "900").gauge().value() > 0.0);
    assertTrue(registry.get("surge.cache.gets").tag("level", "l1").counter().count() > 0);
    assertEquals(0.0, registry.get("surge.cache.circuit.state").gauge().value());
  }

  @Test
  void pastItsLogicalExpiryAValueIsServedAndRefreshedBehind() {
    // An entry loaded long ago, logically expired at ms 1, still in Redis (within its grace).
    redis.value(String.class).psetex(items.key("950"), 60_000, "0|1|\"old\"");
    int callsBefore = items.loaderCalls();
    CacheRead<String> read = items.a().get("950", items::load).await().indefinitely();
    assertEquals("old", read.value());
    assertTrue(read.stale());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                "item-950"
                    .equals(items.b().get("950", items::load).await().indefinitely().value()));
    assertEquals(1, items.loaderCalls() - callsBefore);
  }
}
