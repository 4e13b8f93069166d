package dev.surge.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.cache.support.TestItems;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Breakdown: many concurrent misses for one key, on two instances, make one database query. */
@QuarkusTest
class StampedeTest {
  @Inject TestItems items;

  @Test
  void thousandConcurrentGetsOnTwoInstancesMakeOneQuery() {
    long id = 990; // no other test of this profile reads it
    items.forget(id, id);
    items.delay(0.2); // the load is slow, so every get arrives while it runs
    int callsBefore = items.loaderCalls();
    List<Uni<CacheRead<String>>> gets = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      MultiLevelCache<String> instance = i % 2 == 0 ? items.a() : items.b();
      gets.add(instance.get(Long.toString(id), items::load));
    }
    List<CacheRead<String>> reads;
    try {
      reads = Uni.join().all(gets).andFailFast().await().atMost(Duration.ofSeconds(20));
    } finally {
      items.delay(0);
    }
    reads.forEach(r -> assertEquals("item-990", r.value()));
    assertEquals(1, items.loaderCalls() - callsBefore, "loader calls");
    assertEquals(1, items.dbQueries(id, id), "queries the database logged");
  }
}
