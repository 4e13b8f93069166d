package dev.surge.cache;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Loads across instances: the instance that wins a short Redis lease (SET NX PX) loads, through the
 * {@link LoaderGuard} bulkhead, and stores the value in both levels; the others poll Redis for it
 * (or serve their stale copy) and load themselves only if the lease holder is too slow.
 */
final class Loads<V> {
  private static final Logger LOG = Logger.getLogger(Loads.class);

  /** A loaded (or found) entry and the level it came from. */
  record Result<V>(Entry<V> entry, Level level) {}

  private final String owner = UUID.randomUUID().toString();
  private final CacheConfig config;
  private final L1<V> l1;
  private final L2<V> l2;
  private final HotKeys hot;
  private final CacheMetrics metrics;
  private final LoaderGuard guard;
  private final Vertx vertx;
  private final SingleFlight<Result<V>> refreshes = new SingleFlight<>();

  Loads(CacheConfig config, MultiLevelCache.Parts<V> parts, LoaderGuard guard, Vertx vertx) {
    this.config = config;
    this.l1 = parts.l1();
    this.l2 = parts.l2();
    this.hot = parts.hot();
    this.metrics = parts.metrics();
    this.guard = guard;
    this.vertx = vertx;
  }

  Uni<Result<V>> load(String id, Function<String, Uni<V>> loader) {
    long leaseMillis = config.lease().ttl().toMillis();
    return l2.tryLease(id, owner, leaseMillis)
        .chain(
            won ->
                won
                    ? l2.get(id) // the previous holder may have stored it just before we won
                        .chain(
                            e ->
                                e != null && !e.stale(now())
                                    ? found(id, e)
                                    : loadAndStore(id, loader))
                        .eventually(() -> l2.releaseLease(id, owner))
                    : awaitOther(id, loader, now() + config.lease().maxWait().toMillis()));
  }

  private Uni<Result<V>> awaitOther(String id, Function<String, Uni<V>> loader, long deadline) {
    return l2.get(id)
        .chain(
            e -> {
              if (e != null && !e.stale(now())) {
                return found(id, e);
              }
              if (now() >= deadline) {
                return loadAndStore(id, loader); // the holder is slow or gone
              }
              return delay(config.lease().pollInterval())
                  .chain(() -> awaitOther(id, loader, deadline));
            });
  }

  private Uni<Result<V>> found(String id, Entry<V> e) {
    l1.put(id, e, hot.isHot(id));
    return Uni.createFrom().item(new Result<>(e, Level.L2));
  }

  private Uni<Result<V>> loadAndStore(String id, Function<String, Uni<V>> loader) {
    return loadOnly(id, loader)
        .call(
            e -> l1.invalidatedSince(id, e.loadedAt()) ? Uni.createFrom().voidItem() : store(id, e))
        .map(e -> new Result<>(e, Level.LOADER));
  }

  private Uni<Void> store(String id, Entry<V> e) {
    return l2.put(id, e, hardTtl(e)).invoke(() -> l1.put(id, e, hot.isHot(id)));
  }

  /** Loader call through the bulkhead, timed; the entry's logical expiry carries the jitter. */
  Uni<Entry<V>> loadOnly(String id, Function<String, Uni<V>> loader) {
    long started = now();
    long t0 = System.nanoTime();
    return guard
        .load(() -> loader.apply(id))
        .onItemOrFailure()
        .invoke(
            (v, f) -> {
              metrics.loads.increment();
              metrics.loadTime.record(Duration.ofNanos(System.nanoTime() - t0));
              if (f != null) {
                metrics.loadErrors.increment();
              }
            })
        .map(
            v ->
                new Entry<>(
                    v,
                    started,
                    started + jittered(v == null ? config.negativeTtl() : config.l2().ttl())));
  }

  /** Stale value served: refresh it once per instance, only if no other instance is at it. */
  void refreshInBackground(String id, Function<String, Uni<V>> loader) {
    refreshes
        .run(id, () -> load(id, loader))
        .subscribe()
        .with(r -> {}, e -> LOG.warnf("Background refresh of %s failed: %s", id, e.getMessage()));
  }

  /** Runs the task after the delay on a Vert.x timer; failures are logged, not thrown. */
  void later(Duration delay, Supplier<Uni<Void>> task) {
    vertx.setTimer(
        Math.max(1, delay.toMillis()),
        t ->
            task.get()
                .subscribe()
                .with(x -> {}, e -> LOG.warnf("Delayed task failed: %s", e.getMessage())));
  }

  private Uni<Void> delay(Duration d) {
    // A Vert.x timer keeps the caller's context (Hibernate Reactive loaders need it).
    return Uni.createFrom()
        .emitter(em -> vertx.setTimer(Math.max(1, d.toMillis()), t -> em.complete(null)));
  }

  private long hardTtl(Entry<V> e) {
    long soft = Math.max(1, e.softExpiresAt() - now());
    return e.negative() ? soft : soft + config.l2().staleGrace().toMillis();
  }

  private long jittered(Duration ttl) {
    long base = ttl.toMillis();
    return base + (long) (base * config.jitter() * ThreadLocalRandom.current().nextDouble());
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
