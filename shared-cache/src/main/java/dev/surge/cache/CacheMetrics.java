package dev.surge.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one cache, all named {@code surge.cache.*} and tagged {@code cache=<name>}
 * (Prometheus: {@code surge_cache_*}). Hit ratio per level = {@code surge.cache.gets} by {@code
 * level} over their sum.
 */
final class CacheMetrics {
  final Counter l1Hits;
  final Counter l2Hits;
  final Counter bloomRejects;
  final Counter misses;
  final Counter staleServes;
  final Counter loads;
  final Counter loadErrors;
  final Timer loadTime;
  final Counter l1Evictions;
  final Counter invalidations;
  final Counter bloomAddFailures;
  final Counter bloomAddsLost;

  CacheMetrics(MeterRegistry registry, String cache) {
    l1Hits = gets(registry, cache, "l1");
    l2Hits = gets(registry, cache, "l2");
    bloomRejects = gets(registry, cache, "bloom");
    misses = gets(registry, cache, "loader");
    staleServes =
        Counter.builder("surge.cache.stale.serves").tag("cache", cache).register(registry);
    loads = Counter.builder("surge.cache.loads").tag("cache", cache).register(registry);
    loadErrors = Counter.builder("surge.cache.load.errors").tag("cache", cache).register(registry);
    loadTime = Timer.builder("surge.cache.load.time").tag("cache", cache).register(registry);
    l1Evictions =
        Counter.builder("surge.cache.evictions")
            .tag("cache", cache)
            .tag("level", "l1")
            .register(registry);
    invalidations =
        Counter.builder("surge.cache.invalidations").tag("cache", cache).register(registry);
    bloomAddFailures =
        Counter.builder("surge.cache.bloom.add.failures")
            .description("New ids Redis did not take at once (retried in the background)")
            .tag("cache", cache)
            .register(registry);
    bloomAddsLost =
        Counter.builder("surge.cache.bloom.adds.lost")
            .description("New ids never added: reads of them are refused until a rebuild")
            .tag("cache", cache)
            .register(registry);
  }

  private static Counter gets(MeterRegistry registry, String cache, String level) {
    return Counter.builder("surge.cache.gets")
        .description("Reads by the level that answered them")
        .tag("cache", cache)
        .tag("level", level)
        .register(registry);
  }

  Counter hits(Level level) {
    return switch (level) {
      case L1 -> l1Hits;
      case L2 -> l2Hits;
      case BLOOM -> bloomRejects;
      case LOADER -> misses;
    };
  }
}
