package dev.surge.cache;

import io.smallrye.mutiny.Multi;
import java.util.function.Supplier;

/**
 * What a function declares for one cache.
 *
 * @param name short name, used in metrics ({@code cache} tag), keys and the admin endpoint
 * @param keyPrefix Redis key prefix, e.g. {@code users:profile}; keys are {@code prefix:{id}} so
 *     that all keys of one id (value, lease) share a Redis Cluster slot
 * @param type the cached value's class, serialized as JSON in Redis
 * @param allIds every existing id, for rebuilding the Bloom filter; null disables the filter
 */
public record CacheSpec<V>(
    String name, String keyPrefix, Class<V> type, Supplier<Multi<String>> allIds) {

  String key(String id) {
    return keyPrefix + ":{" + id + "}";
  }

  String leaseKey(String id) {
    return key(id) + ":lease";
  }

  /** The filter's keys share one hash tag so a Lua script may touch both. */
  String bloomKey() {
    return keyPrefix + ":bloom:{" + name + "}";
  }

  String bloomNextKey() {
    return bloomKey() + ":next";
  }

  boolean bloomEnabled() {
    return allIds != null;
  }
}
