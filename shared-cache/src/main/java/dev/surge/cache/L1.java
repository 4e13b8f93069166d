package dev.surge.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;

/**
 * The in-process level: a size-bounded Caffeine map, plus a small pinned map for hot keys. The
 * pinned map is separate so a burst of one-off reads cannot evict the keys that carry most traffic;
 * its short TTL bounds how stale a hot key can get if an invalidation message is lost.
 */
// Caffeine picks a generated class per feature set by name at run time (LocalCacheFactory,
// NodeFactory); native image keeps only the ones registered. These are the three builders below
// (listed with -verbose:class); a new builder feature needs its classes added here.
@RegisterForReflection(
    classNames = {
      "com.github.benmanes.caffeine.cache.SSLMSA",
      "com.github.benmanes.caffeine.cache.SSMSW",
      "com.github.benmanes.caffeine.cache.PSWMS"
    })
final class L1<V> {
  private final Cache<String, Entry<V>> main;
  private final Cache<String, Entry<V>> pinned;
  // Local receive time of the last invalidation per id, kept longer than any load may take.
  private final Cache<String, Long> invalidatedAt =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).maximumSize(100_000).build();

  L1(CacheConfig config, CacheMetrics metrics) {
    long ttl = config.l1().ttl().toNanos();
    long negativeTtl = Math.min(ttl, config.negativeTtl().toNanos());
    this.main =
        Caffeine.newBuilder()
            .maximumSize(config.l1().maxSize())
            .expireAfter(
                Expiry.<String, Entry<V>>creating(
                    (k, e) -> Duration.ofNanos(e.negative() ? negativeTtl : ttl)))
            .removalListener(
                (String k, Entry<V> e, RemovalCause cause) -> {
                  if (cause.wasEvicted()) {
                    metrics.l1Evictions.increment();
                  }
                })
            .build();
    this.pinned =
        Caffeine.newBuilder()
            .maximumSize(config.hot().maxKeys() * 2L)
            .expireAfterWrite(config.hot().ttl())
            .build();
  }

  Entry<V> get(String id) {
    Entry<V> e = pinned.getIfPresent(id);
    return e != null ? e : main.getIfPresent(id);
  }

  void put(String id, Entry<V> entry, boolean hot) {
    main.put(id, entry);
    if (hot) {
      pinned.put(id, entry);
    }
  }

  /** Removes the entry if its load started before the fence; Long.MAX_VALUE removes any. */
  void removeIfLoadedBefore(String id, long fence) {
    invalidatedAt.put(id, System.currentTimeMillis());
    main.asMap().computeIfPresent(id, (k, e) -> e.loadedAt() < fence ? null : e);
    pinned.asMap().computeIfPresent(id, (k, e) -> e.loadedAt() < fence ? null : e);
  }

  /**
   * True if an invalidation for the id arrived at or after {@code loadStart}: the load may have
   * read the row before the write committed, so its result must not be stored in either level.
   */
  boolean invalidatedSince(String id, long loadStart) {
    Long at = invalidatedAt.getIfPresent(id);
    return at != null && at >= loadStart;
  }

  /** After missed invalidations (lost pub/sub connection) nothing here can be trusted. */
  void clear() {
    main.invalidateAll();
    pinned.invalidateAll();
  }

  long size() {
    return main.estimatedSize();
  }
}
