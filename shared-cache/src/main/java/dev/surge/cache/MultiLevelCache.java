package dev.surge.cache;

import dev.surge.model.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * One cache: L1 (Caffeine) → L2 (Redis) → Bloom filter → loader. Misses for one id collapse into
 * one flight per instance ({@link SingleFlight}) and one load across instances ({@link Loads}).
 * Create through {@link Caches}. The loader returns null for an id that does not exist.
 */
public final class MultiLevelCache<V> implements InvalidationBus.Listener {
  private final CacheSpec<V> spec;
  private final CacheConfig config;
  private final L1<V> l1;
  private final L2<V> l2;
  private final BloomFilter bloom;
  private final HotKeys hot;
  private final Loads<V> loads;
  private final CacheMetrics metrics;
  private final InvalidationBus bus;
  private final SingleFlight<CacheRead<V>> flights = new SingleFlight<>();

  MultiLevelCache(
      CacheSpec<V> spec, CacheConfig config, Parts<V> parts, Loads<V> loads, InvalidationBus bus) {
    this.spec = spec;
    this.config = config;
    this.l1 = parts.l1();
    this.l2 = parts.l2();
    this.bloom = parts.bloom();
    this.hot = parts.hot();
    this.metrics = parts.metrics();
    this.loads = loads;
    this.bus = bus;
  }

  /** The parts a cache is made of; built by {@link Caches}. */
  record Parts<V>(L1<V> l1, L2<V> l2, BloomFilter bloom, HotKeys hot, CacheMetrics metrics) {}

  public String name() {
    return spec.name();
  }

  /** The value for the id (null if it does not exist) and the level that answered. */
  public Uni<CacheRead<V>> get(String id, Function<String, Uni<V>> loader) {
    if (!config.enabled()) {
      return loads
          .loadOnly(id, loader)
          .map(e -> counted(new CacheRead<>(e.value(), Level.LOADER, false)));
    }
    long now = System.currentTimeMillis();
    hot.sample(id, now);
    Entry<V> local = l1.get(id);
    if (local != null) {
      metrics.l1Hits.increment();
      return Uni.createFrom().item(new CacheRead<>(local.value(), Level.L1, false));
    }
    return flights
        .run(id, () -> fetch(id, loader))
        .onFailure(BulkheadException.class)
        .transform(e -> ProblemException.unavailable("Too many reads in flight", 1))
        .map(this::counted);
  }

  private CacheRead<V> counted(CacheRead<V> read) {
    metrics.hits(read.level()).increment();
    return read;
  }

  private Uni<CacheRead<V>> fetch(String id, Function<String, Uni<V>> loader) {
    Entry<V> local = l1.get(id); // filled by a flight that ended after our L1 check
    if (local != null) {
      return Uni.createFrom().item(new CacheRead<>(local.value(), Level.L1, false));
    }
    return l2.get(id)
        .chain(
            remote -> {
              long now = System.currentTimeMillis();
              if (remote != null && !remote.stale(now)) {
                l1.put(id, remote, hot.isHot(id));
                return Uni.createFrom().item(new CacheRead<>(remote.value(), Level.L2, false));
              }
              if (remote != null) {
                // Logical expiry: answer now with the old value, refresh behind it.
                metrics.staleServes.increment();
                loads.refreshInBackground(id, loader);
                return Uni.createFrom().item(new CacheRead<>(remote.value(), Level.L2, true));
              }
              return spec.bloomEnabled() ? afterBloom(id, loader) : load(id, loader);
            });
  }

  private Uni<CacheRead<V>> afterBloom(String id, Function<String, Uni<V>> loader) {
    return bloom
        .mightContain(id)
        .chain(
            maybe -> {
              if (maybe) {
                return load(id, loader);
              }
              l1.put(id, new Entry<>(null, System.currentTimeMillis(), Long.MAX_VALUE), false);
              return Uni.createFrom().item(new CacheRead<V>(null, Level.BLOOM, false));
            });
  }

  private Uni<CacheRead<V>> load(String id, Function<String, Uni<V>> loader) {
    return loads.load(id, loader).map(r -> new CacheRead<>(r.entry().value(), r.level(), false));
  }

  /**
   * Call after a write has committed. Deletes the id everywhere now, and again after {@code
   * doubleDeleteDelay} for entries loaded before the write (a reader that read the old row before
   * the commit may have stored it after the first delete). Every instance's L1 follows within a
   * pub/sub hop.
   */
  public Uni<Void> invalidate(String id) {
    long fence = System.currentTimeMillis();
    metrics.invalidations.increment();
    l1.removeIfLoadedBefore(id, Long.MAX_VALUE);
    Uni<Void> first =
        l2.deleteIfLoadedBefore(id, Long.MAX_VALUE)
            .chain(() -> bus.publish(spec.name(), id, Long.MAX_VALUE));
    return first.invoke(
        () -> loads.later(config.doubleDeleteDelay(), () -> secondDelete(id, fence)));
  }

  private Uni<Void> secondDelete(String id, long fence) {
    l1.removeIfLoadedBefore(id, fence);
    return l2.deleteIfLoadedBefore(id, fence).chain(() -> bus.publish(spec.name(), id, fence));
  }

  /**
   * Call when an id is created: the Bloom filter must know it before anyone reads it. When Redis
   * cannot take the id (three quick tries), the write that created it has committed all the same,
   * so this does not fail: it counts {@code surge.cache.bloom.add.failures} and keeps trying in the
   * background for {@code surge.cache.bloom.add-retry-for}. Until the id is in, reads of it that
   * reach the filter are answered "no such id"; past that time only a rebuild adds it.
   */
  public Uni<Void> created(String id) {
    if (!spec.bloomEnabled()) {
      return Uni.createFrom().voidItem();
    }
    return bloom
        .add(id)
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(50))
        .atMost(3)
        .onFailure()
        .recoverWithUni(
            e -> {
              metrics.bloomAddFailures.increment();
              bloom
                  .add(id)
                  .onFailure()
                  .retry()
                  .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                  .expireIn(config.bloom().addRetryFor().toMillis())
                  .subscribe()
                  .with(ok -> {}, last -> metrics.bloomAddsLost.increment());
              return Uni.createFrom().voidItem();
            });
  }

  /** Rebuilds the Bloom filter from the spec's id source; the number of ids added. */
  public Uni<Long> rebuildBloom() {
    if (!spec.bloomEnabled()) {
      return Uni.createFrom().failure(new IllegalStateException("No Bloom filter"));
    }
    return bloom.rebuild(spec.allIds().get());
  }

  public java.util.Set<String> hotKeys() {
    return hot.hot();
  }

  @Override
  public void invalidate(String id, long fence) {
    l1.removeIfLoadedBefore(id, fence);
  }

  @Override
  public void clear() {
    l1.clear();
  }
}
