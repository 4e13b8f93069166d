package dev.surge.cache;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.cache.support.SpareRedis;
import dev.surge.cache.support.TestItems;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Avalanche: Redis (a spare redis-server of this test, never the shared one) is killed while 32
 * clients read; reads keep coming from L1 and the database, the database never sees more loads at
 * once than the bulkhead allows, and the circuit closes by itself once Redis is back.
 */
@QuarkusTest
@TestProfile(SpareRedis.class)
class RedisDownTest {
  private static final int CLIENTS = 32;
  private static final int BULKHEAD = 8;

  @Inject TestItems items;
  @Inject LoaderGuard loader;
  @Inject RedisGuard redis;

  @Test
  void readsSurviveRedisDyingAndTheCircuitClosesAfterwards() throws Exception {
    items.forget(1, 1000);
    items.delay(0.005);
    for (int id = 1; id <= 100; id++) {
      items.a().get(Integer.toString(id), items::load).await().indefinitely(); // warm L1
    }
    loader.resetPeak();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      clients.submit(
          () -> {
            while (running.get()) {
              String id = Integer.toString(1 + ThreadLocalRandom.current().nextInt(1000));
              try {
                var read = items.a().get(id, items::load).await().atMost(Duration.ofSeconds(5));
                if (read.value() == null) {
                  throw new IllegalStateException("item " + id + " missing");
                }
                ok.incrementAndGet();
              } catch (RuntimeException e) {
                errors.incrementAndGet();
              }
            }
          });
    }
    try {
      Thread.sleep(1000);
      SpareRedis.stop(); // mid-load
      await().atMost(Duration.ofSeconds(5)).until(() -> redis.state() == CircuitBreakerState.OPEN);
      int okWhileDown = ok.get();
      Thread.sleep(1500);
      assertTrue(ok.get() > okWhileDown, "reads go on while Redis is down");
      SpareRedis.start();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> redis.state() == CircuitBreakerState.CLOSED);
    } finally {
      running.set(false);
      clients.shutdown();
      clients.awaitTermination(10, TimeUnit.SECONDS);
      items.delay(0);
    }
    System.out.printf(
        "redis down: %d reads ok, %d errors, loader peak %d, database peak %d%n",
        ok.get(), errors.get(), loader.peak(), items.dbPeakConcurrency(1, 1000));
    assertEquals(0, errors.get(), "failed reads");
    assertTrue(loader.peak() <= BULKHEAD, "loader peak " + loader.peak());
    assertTrue(items.dbPeakConcurrency(1, 1000) <= BULKHEAD, "database-side concurrency");
  }
}
