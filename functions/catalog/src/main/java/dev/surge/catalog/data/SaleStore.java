package dev.surge.catalog.data;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.surge.catalog.config.CatalogConfig;
import dev.surge.model.catalog.SaleKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A flash sale's keys in Redis, laid out as shared-model {@link SaleKeys} says (the contract with
 * orders, whose purchase script takes units from them), and what is left of its stock.
 *
 * <p>{@code remaining} is the hottest read of a sale: every buyer's page asks it. Each instance
 * keeps the sum for {@code surge.catalog.remaining-ttl} (≤ 1 s) in a Caffeine map of in-flight or
 * done reads, so a burst of readers costs one Redis round trip per bucket per instance per period.
 */
// Caffeine picks a generated class per feature set by name; a native image keeps registered ones
// only (maximumSize + expireAfterWrite: the cache and its node).
@RegisterForReflection(
    classNames = {
      "com.github.benmanes.caffeine.cache.SSMSW",
      "com.github.benmanes.caffeine.cache.PSWMS"
    })
@ApplicationScoped
public class SaleStore {
  private final ReactiveHashCommands<String, String, String> hashes;
  private final ReactiveValueCommands<String, String> values;
  private final ReactiveKeyCommands<String> keys;
  private final AsyncCache<Long, Integer> remaining;

  public SaleStore(ReactiveRedisDataSource redis, CatalogConfig config) {
    this.hashes = redis.hash(String.class);
    this.values = redis.value(String.class);
    this.keys = redis.key();
    this.remaining =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            // Never past the second the API promises, whatever the setting says.
            .expireAfterWrite(min(config.remainingTtl(), Duration.ofSeconds(1)))
            .buildAsync();
  }

  /**
   * Writes every bucket's definition (a copy per bucket, so the purchase script reads it on its own
   * slot) and stock: {@code quantity} split evenly, the remainder to the first buckets. All keys
   * expire at {@code expireAt}.
   */
  public Uni<Void> create(SaleRow sale, Instant expireAt) {
    Map<String, String> definition =
        Map.of(
            "item", Long.toString(sale.itemId()),
            "price", Long.toString(sale.priceCents()),
            "starts", Long.toString(sale.startsAt().toEpochMilli()),
            "ends", Long.toString(sale.endsAt().toEpochMilli()),
            "limit", Integer.toString(sale.perUserLimit()),
            "quantity", Integer.toString(sale.quantity()),
            "buckets", Integer.toString(sale.buckets()));
    List<Uni<Void>> writes = new ArrayList<>();
    for (int bucket = 0; bucket < sale.buckets(); bucket++) {
      String def = SaleKeys.definition(sale.id(), bucket);
      String stockKey = SaleKeys.stock(sale.id(), bucket);
      String stock = Integer.toString(share(sale.quantity(), sale.buckets(), bucket));
      writes.add(
          hashes
              .hset(def, definition)
              .chain(() -> keys.pexpireat(def, expireAt))
              .chain(() -> values.set(stockKey, stock, new SetArgs().pxAt(expireAt)))
              .replaceWithVoid());
    }
    return Uni.join().all(writes).andFailFast().replaceWithVoid();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** A bucket's part of {@code quantity}: an even split, the remainder to the first buckets. */
  public static int share(int quantity, int buckets, int bucket) {
    return quantity / buckets + (bucket < quantity % buckets ? 1 : 0);
  }

  /** Units left over every bucket, at most {@code remaining-ttl} old; 0 once the keys expired. */
  public Uni<Integer> remaining(SaleRow sale) {
    return Uni.createFrom()
        .completionStage(
            remaining.get(sale.id(), (id, executor) -> sum(sale).subscribeAsCompletionStage()));
  }

  private Uni<Integer> sum(SaleRow sale) {
    List<Uni<Integer>> reads = new ArrayList<>();
    for (int bucket = 0; bucket < sale.buckets(); bucket++) {
      // One GET per bucket, not an MGET: the buckets sit on different Cluster slots.
      reads.add(values.get(SaleKeys.stock(sale.id(), bucket)).map(SaleStore::units));
    }
    return Uni.join()
        .all(reads)
        .andFailFast()
        .map(units -> units.stream().mapToInt(Integer::intValue).sum());
  }

  private static int units(String stock) {
    if (stock == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(stock));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
