package dev.surge.orders.data;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.surge.guard.GuardRedis;
import dev.surge.model.catalog.SaleKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Flash sales in Redis, in catalog's layout (shared-model {@link SaleKeys}): the purchase script
 * takes units, the return script gives an order's units back exactly once. Neither touches
 * PostgreSQL. Sales this function has sold from are listed in {@link #REGISTRY} for the
 * reconciliation job; a sale is listed before its first unit is taken, so none is missed.
 */
@ApplicationScoped
// Caffeine picks a generated class per configuration by reflection: the native image needs it.
@RegisterForReflection(
    classNames = {
      "com.github.benmanes.caffeine.cache.SSMSW",
      "com.github.benmanes.caffeine.cache.PSWMS"
    })
public class SaleStore {
  /** The sales orders has taken units from (sale ids). */
  static final String REGISTRY = "{orders:sales}";

  // The flash-sale scripts run through shared-guard's EVALSHA runner, with a timeout of their own:
  // a purchase may wait a little longer than a limit check before the buyer gets a 503.
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(2);

  private final GuardRedis scripts;
  private final ReactiveHashCommands<String, String, String> hashes;
  private final ReactiveSetCommands<String, String> sets;
  private final Cache<Long, Integer> buckets =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  public SaleStore(GuardRedis scripts, ReactiveRedisDataSource redis) {
    this.scripts = scripts;
    this.hashes = redis.hash(String.class);
    this.sets = redis.set(String.class);
  }

  /**
   * The number of buckets of a sale, from bucket 0's definition, read once per sale and instance
   * (it never changes); null when there is no such sale. The sale is registered for the
   * reconciliation before this first answer, so before any unit of it is taken here.
   */
  public Uni<Integer> buckets(long saleId) {
    Integer known = buckets.getIfPresent(saleId);
    if (known != null) {
      return Uni.createFrom().item(known);
    }
    return hashes
        .hget(SaleKeys.definition(saleId, 0), "buckets")
        .chain(
            text ->
                text == null
                    ? Uni.createFrom().nullItem()
                    : sets.sadd(REGISTRY, Long.toString(saleId))
                        .map(added -> Math.max(1, Integer.parseInt(text))))
        .invoke(
            n -> {
              if (n != null) {
                buckets.put(saleId, n);
              }
            });
  }

  /** Runs the purchase script for {@code buyer} in {@code bucket}. */
  public Uni<Reservation.Outcome> reserve(
      long saleId, int bucket, long buyer, String idempotencyKey, long orderId, int quantity) {
    List<String> keys =
        List.of(
            SaleKeys.definition(saleId, bucket),
            SaleKeys.stock(saleId, bucket),
            SaleKeys.buyers(saleId, bucket),
            SaleKeys.reservations(saleId, bucket),
            SaleKeys.keys(saleId, bucket));
    return scripts
        .run(
            SaleScripts.PURCHASE,
            keys,
            SCRIPT_TIMEOUT,
            Long.toString(buyer),
            buyer + ":" + idempotencyKey,
            Long.toString(orderId),
            Integer.toString(quantity))
        .map(r -> outcome(saleId, bucket, r));
  }

  /** Gives the units of {@code orderId} back to its bucket; how many (0 if already returned). */
  public Uni<Integer> giveBack(long saleId, int bucket, long orderId) {
    List<String> keys =
        List.of(
            SaleKeys.stock(saleId, bucket),
            SaleKeys.buyers(saleId, bucket),
            SaleKeys.reservations(saleId, bucket));
    return scripts
        .run(SaleScripts.RETURN, keys, SCRIPT_TIMEOUT, Long.toString(orderId))
        .map(r -> Math.max(0, r.toInteger()));
  }

  /** Notes that the reservation's order is persisted, so the reconciliation skips it. */
  public Uni<Void> persisted(long saleId, int bucket, long orderId) {
    return scripts
        .run(
            SaleScripts.PERSISTED,
            List.of(SaleKeys.reservations(saleId, bucket)),
            SCRIPT_TIMEOUT,
            Long.toString(orderId))
        .replaceWithVoid();
  }

  /** Drops a sale whose keys expired from the reconciliation's list. */
  public Uni<Void> forget(long saleId) {
    return sets.srem(REGISTRY, Long.toString(saleId)).replaceWithVoid();
  }

  /** Every sale orders has taken units from. */
  public Uni<List<Long>> sales() {
    return sets.smembers(REGISTRY).map(ids -> ids.stream().map(Long::valueOf).toList());
  }

  /** The reservations of one bucket of a sale. */
  public Uni<List<Reservation>> reservations(long saleId, int bucket) {
    return hashes
        .hgetall(SaleKeys.reservations(saleId, bucket))
        .map(
            all ->
                all.entrySet().stream()
                    .map(
                        e ->
                            Reservation.parse(
                                saleId, bucket, Long.parseLong(e.getKey()), e.getValue()))
                    .toList());
  }

  private static Reservation.Outcome outcome(long saleId, int bucket, Response r) {
    int code = r.get(0).toInteger();
    if (code < 0) {
      return new Reservation.Outcome(code, 0, null);
    }
    long orderId = Long.parseLong(r.get(1).toString());
    String record = r.get(2).toString();
    return new Reservation.Outcome(
        code,
        orderId,
        record.isEmpty() ? null : Reservation.parse(saleId, bucket, orderId, record));
  }
}
