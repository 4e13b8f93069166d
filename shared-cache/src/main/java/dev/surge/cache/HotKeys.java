package dev.surge.cache;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds the keys taking a large share of this instance's reads. A read is counted with probability
 * {@code sampleRate} (a random draw, cheaper than a counter per read) into the bucket of the
 * current time slice; the window is the last {@code BUCKETS} slices. When a slice ends, the hot set
 * is recomputed from the window: keys with at least {@code share} of the samples. Load balancing
 * gives every instance the same mix, so every instance finds the same hot keys itself.
 */
final class HotKeys {
  private static final int BUCKETS = 10;

  private record Bucket(long slice, ConcurrentHashMap<String, LongAdder> counts) {}

  private final Bucket[] buckets = new Bucket[BUCKETS];
  private final CacheConfig.Hot config;
  private final long sliceMillis;
  private final MultiGauge shares;
  private volatile Set<String> hot = Set.of();

  HotKeys(CacheConfig.Hot config, MeterRegistry registry, String cache) {
    this.config = config;
    this.sliceMillis = Math.max(1, config.window().toMillis() / BUCKETS);
    for (int i = 0; i < BUCKETS; i++) {
      buckets[i] = new Bucket(-1, new ConcurrentHashMap<>());
    }
    Gauge.builder("surge.cache.hot.keys", this, h -> h.hot.size())
        .description("Keys currently detected as hot and pinned in L1")
        .tag("cache", cache)
        .register(registry);
    // One series per hot key (at most maxKeys): its share of the sampled reads.
    this.shares =
        MultiGauge.builder("surge.cache.hot.key.share").tag("cache", cache).register(registry);
  }

  void sample(String key, long now) {
    if (ThreadLocalRandom.current().nextDouble() >= config.sampleRate()) {
      return;
    }
    long slice = now / sliceMillis;
    Bucket bucket = buckets[(int) (slice % BUCKETS)];
    if (bucket.slice != slice) {
      bucket = rotate(slice);
    }
    bucket.counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  boolean isHot(String key) {
    return hot.contains(key);
  }

  Set<String> hot() {
    return hot;
  }

  private synchronized Bucket rotate(long slice) {
    int index = (int) (slice % BUCKETS);
    if (buckets[index].slice == slice) {
      return buckets[index];
    }
    recompute(slice);
    buckets[index] = new Bucket(slice, new ConcurrentHashMap<>());
    return buckets[index];
  }

  private void recompute(long slice) {
    Map<String, Long> totals = new HashMap<>();
    long all = 0;
    for (Bucket b : buckets) {
      if (b.slice > slice - BUCKETS) {
        for (var e : b.counts.entrySet()) {
          long n = e.getValue().sum();
          totals.merge(e.getKey(), n, Long::sum);
          all += n;
        }
      }
    }
    long threshold = Math.max(config.minSamples(), (long) Math.ceil(all * config.share()));
    final long total = all;
    List<Map.Entry<String, Long>> top =
        totals.entrySet().stream()
            .filter(e -> e.getValue() >= threshold)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(config.maxKeys())
            .toList();
    hot = Set.copyOf(top.stream().map(Map.Entry::getKey).toList());
    shares.register(
        top.stream()
            .map(e -> MultiGauge.Row.of(Tags.of("key", e.getKey()), (double) e.getValue() / total))
            .toList(),
        true);
  }
}
