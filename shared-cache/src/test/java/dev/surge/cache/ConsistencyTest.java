package dev.surge.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.cache.support.TestItems;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Writes with readers racing them on two instances: once the invalidation window (double-delete
 * delay plus a pub/sub hop) has passed, neither instance returns the old value, round after round.
 */
@QuarkusTest
class ConsistencyTest {
  private static final long FIRST = 500;
  private static final int IDS = 10;
  private static final int ROUNDS = 60;
  private static final Duration WINDOW = Duration.ofMillis(200); // 100 ms delay + ~100 ms

  @Inject TestItems items;

  @Test
  void afterTheWindowNoInstanceServesTheOldValue() throws Exception {
    items.delay(0.01); // loads overlap the writes
    AtomicBoolean reading = new AtomicBoolean(true);
    ExecutorService readers = Executors.newFixedThreadPool(6);
    for (int i = 0; i < 6; i++) {
      readers.submit(
          () -> {
            while (reading.get()) {
              String id = Long.toString(FIRST + ThreadLocalRandom.current().nextInt(IDS));
              var cache = ThreadLocalRandom.current().nextBoolean() ? items.a() : items.b();
              cache.get(id, items::load).await().atMost(Duration.ofSeconds(5));
            }
            return null;
          });
    }
    List<String> violations = new ArrayList<>();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        long id = FIRST + round % IDS;
        String fresh = "round-" + round;
        items.rename(id, fresh); // the write commits ...
        (round % 2 == 0 ? items.a() : items.b())
            .invalidate(Long.toString(id))
            .await()
            .indefinitely();
        Thread.sleep(WINDOW.toMillis());
        for (var cache : List.of(items.a(), items.b())) {
          String seen = cache.get(Long.toString(id), items::load).await().indefinitely().value();
          if (!fresh.equals(seen)) {
            violations.add("round " + round + ": " + seen + " instead of " + fresh);
          }
        }
      }
    } finally {
      reading.set(false);
      readers.shutdown();
      readers.awaitTermination(10, TimeUnit.SECONDS);
      items.delay(0);
    }
    assertEquals(List.of(), violations);
  }
}
