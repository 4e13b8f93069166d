package dev.surge.cache;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;

/**
 * Redis operations of one cache, each through the {@link RedisGuard} circuit breaker. Every method
 * turns a Redis failure into "nothing there" or "not done": Redis is an optimisation, never a
 * reason to fail a read. Only single-key commands and scripts, so Redis Cluster routes them.
 */
final class L2<V> {
  // Deletes the entry only if its load started before the fence (see EntryCodec's format).
  private static final String DELETE_IF_OLDER =
      "local v = redis.call('GET', KEYS[1]) "
          + "if v and tonumber(string.match(v, '^(%d+)|')) < tonumber(ARGV[1]) then "
          + "return redis.call('DEL', KEYS[1]) end return 0";
  // SET NX with an expiry that says whether it took the lease; the typed set(.., SetArgs) does not.
  private static final String TAKE_LEASE =
      "return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])";
  // Releases the lease only if this instance still holds it (it may have expired and moved on).
  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

  private final ReactiveRedisDataSource redis;
  private final ReactiveValueCommands<String, String> values;
  private final RedisGuard guard;
  private final CacheSpec<V> spec;
  private final EntryCodec<V> codec;

  L2(ReactiveRedisDataSource redis, RedisGuard guard, CacheSpec<V> spec, EntryCodec<V> codec) {
    this.redis = redis;
    this.values = redis.value(String.class);
    this.guard = guard;
    this.spec = spec;
    this.codec = codec;
  }

  /** The entry, or null on a miss or when Redis cannot answer. */
  Uni<Entry<V>> get(String id) {
    return guard
        // The Command enum, not values.get: with the typed get, HotAndStaleTest's hot key was never
        // detected (cause not found yet); GET through the enum behaves as before.
        .call(() -> redis.execute(Command.GET, spec.key(id)))
        .map(r -> r == null ? null : codec.decode(r.toString()))
        .onFailure()
        .recoverWithNull();
  }

  Uni<Void> put(String id, Entry<V> entry, long ttlMillis) {
    return guard
        .call(() -> values.set(spec.key(id), codec.encode(entry), new SetArgs().px(ttlMillis)))
        .replaceWithVoid()
        .onFailure()
        .recoverWithNull();
  }

  /** True if this instance now holds the load lease for the id (SET NX PX). */
  Uni<Boolean> tryLease(String id, String owner, long ttlMillis) {
    return eval(TAKE_LEASE, spec.leaseKey(id), owner, Long.toString(ttlMillis))
        .map(taken -> taken != null)
        // Redis down: nobody can coordinate, so load (the bulkhead still bounds the database).
        .onFailure()
        .recoverWithItem(true);
  }

  Uni<Void> releaseLease(String id, String owner) {
    // Failure is harmless: the lease expires by itself.
    return eval(RELEASE, spec.leaseKey(id), owner).replaceWithVoid().onFailure().recoverWithNull();
  }

  /** Deletes the entry if it was loaded before {@code fenceMillis}; false if Redis failed. */
  Uni<Boolean> deleteIfLoadedBefore(String id, long fenceMillis) {
    return eval(DELETE_IF_OLDER, spec.key(id), Long.toString(fenceMillis))
        .map(r -> true)
        .onFailure()
        .recoverWithItem(false);
  }

  private Uni<Response> eval(String script, String key, String... args) {
    String[] scriptKeyArgs = new String[args.length + 3];
    scriptKeyArgs[0] = script;
    scriptKeyArgs[1] = "1";
    scriptKeyArgs[2] = key;
    System.arraycopy(args, 0, scriptKeyArgs, 3, args.length);
    return guard.call(() -> redis.execute(Command.EVAL, scriptKeyArgs));
  }
}
