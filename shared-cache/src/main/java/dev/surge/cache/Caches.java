package dev.surge.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates caches. A function declares one {@link CacheSpec} per kind of value and keeps the
 * returned cache in a bean. {@link #create} always builds a new instance with its own L1 (what a
 * second process would have); {@link #named} finds the first one created under a name.
 */
@ApplicationScoped
public class Caches {
  private final CacheConfig config;
  private final ReactiveRedisDataSource redis;
  private final RedisGuard redisGuard;
  private final LoaderGuard loaderGuard;
  private final InvalidationBus bus;
  private final MeterRegistry registry;
  private final ObjectMapper json;
  private final Vertx vertx;
  private final Map<String, MultiLevelCache<?>> byName = new ConcurrentHashMap<>();

  public Caches(
      CacheConfig config,
      ReactiveRedisDataSource redis,
      RedisGuard redisGuard,
      LoaderGuard loaderGuard,
      InvalidationBus bus,
      MeterRegistry registry,
      ObjectMapper json,
      Vertx vertx) {
    this.config = config;
    this.redis = redis;
    this.redisGuard = redisGuard;
    this.loaderGuard = loaderGuard;
    this.bus = bus;
    this.registry = registry;
    this.json = json;
    this.vertx = vertx;
  }

  public <V> MultiLevelCache<V> create(CacheSpec<V> spec) {
    var metrics = new CacheMetrics(registry, spec.name());
    var parts =
        new MultiLevelCache.Parts<>(
            new L1<V>(config, metrics),
            new L2<>(redis, redisGuard, spec, new EntryCodec<>(json, spec.type())),
            new BloomFilter(redis, redisGuard, spec, config.bloom()),
            new HotKeys(config.hot(), registry, spec.name()),
            metrics);
    var cache =
        new MultiLevelCache<>(
            spec, config, parts, new Loads<>(config, parts, loaderGuard, vertx), bus);
    bus.register(spec.name(), cache);
    byName.putIfAbsent(spec.name(), cache);
    return cache;
  }

  public Optional<MultiLevelCache<?>> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
