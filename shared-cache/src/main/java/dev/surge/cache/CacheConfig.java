package dev.surge.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the multi-level cache ({@code surge.cache.*}), shared by every cache of a function.
 * Loader concurrency and the Redis circuit breaker are SmallRye Fault Tolerance settings: see
 * {@link LoaderGuard} and {@link RedisGuard} for their keys.
 */
@ConfigMapping(prefix = "surge.cache")
public interface CacheConfig {

  /** Off: every read goes to the loader (the database); used to measure the cache's effect. */
  @WithDefault("true")
  boolean enabled();

  /** In-process level. */
  L1 l1();

  /** Redis level. */
  L2 l2();

  /**
   * Random extra TTL, as a fraction (0.1 = up to +10%), so entries written together do not expire
   * together.
   */
  @WithDefault("0.1")
  double jitter();

  /** How long "this id does not exist" is remembered, in both levels. */
  @WithDefault("30s")
  Duration negativeTtl();

  /** Cross-instance load lease. */
  Lease lease();

  /**
   * Second delete after a write: removes a value a concurrent reader loaded before the commit and
   * wrote back after the first delete.
   */
  @WithDefault("300ms")
  Duration doubleDeleteDelay();

  /** Pub/sub channel that carries L1 invalidations to every instance. */
  @WithDefault("surge:cache:invalidate")
  String invalidationChannel();

  /** Hot-key detection. */
  Hot hot();

  /** Bloom filter of existing ids. */
  Bloom bloom();

  /** Enables POST /admin/caches/{name}/bloom/rebuild; keep it off where the port is public. */
  @WithDefault("false")
  boolean adminEnabled();

  interface L1 {
    /** Entries per cache; Caffeine evicts by frequency and recency (W-TinyLFU) beyond this. */
    @WithDefault("10000")
    long maxSize();

    /** Upper bound on staleness if an invalidation message is lost (Redis down). */
    @WithDefault("30s")
    Duration ttl();
  }

  interface L2 {
    /** Logical expiry: after this a value is still served, and refreshed in the background. */
    @WithDefault("10m")
    Duration ttl();

    /** How long past its logical expiry a value stays in Redis to be served stale. */
    @WithDefault("5m")
    Duration staleGrace();

    /**
     * Redis calls slower than this count as failures (and feed the circuit breaker). Not lower: the
     * first burst after a cold start opens new connections, which in cluster mode also fetch the
     * slot map, and must not trip the circuit.
     */
    @WithDefault("1s")
    Duration timeout();
  }

  interface Lease {
    /** Lifetime of the lease; bounds how long a crashed loader blocks others. */
    @WithDefault("2s")
    Duration ttl();

    /** How long an instance without the lease polls Redis for the value before loading itself. */
    @WithDefault("1s")
    Duration maxWait();

    /** Poll interval while waiting. */
    @WithDefault("10ms")
    Duration pollInterval();
  }

  interface Hot {
    /** Fraction of reads that are counted; counting every read would cost more than it finds. */
    @WithDefault("0.05")
    double sampleRate();

    /** Sliding window over which shares are computed. */
    @WithDefault("10s")
    Duration window();

    /** A key is hot when it takes at least this share of the sampled reads in the window. */
    @WithDefault("0.01")
    double share();

    /** ...and at least this many samples, so a quiet instance does not call everything hot. */
    @WithDefault("20")
    int minSamples();

    /** At most this many hot keys per cache (bounds the metric's cardinality too). */
    @WithDefault("32")
    int maxKeys();

    /** Hot keys live in a pinned L1 map with this short TTL, safe from size eviction. */
    @WithDefault("5s")
    Duration ttl();
  }

  interface Bloom {
    /** Bits in the filter; 2^24 bits (2 MiB) hold ~1.7 million ids at 1% false positives. */
    @WithDefault("16777216")
    long bits();

    /** Hash functions per id. */
    @WithDefault("7")
    int hashes();

    /**
     * How long a new id that Redis did not take keeps being retried in the background (Redis down
     * or its breaker open). Past it the id is lost to the filter until a rebuild, which the {@code
     * surge.cache.bloom.adds.lost} counter reports.
     */
    @WithDefault("10m")
    Duration addRetryFor();
  }
}
