package dev.surge.cache;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bloom filter of existing ids in one Redis bitmap (RedisBloom is not available): k bit positions
 * from two 64-bit hashes (Kirsch-Mitzenmacher double hashing), checked and set by Lua scripts so
 * each operation is one round trip. Until the bitmap exists (first rebuild) the filter answers
 * "maybe" for everything: an empty filter must never hide a real id. An add goes to the live bitmap
 * and, during a rebuild, to the one being built, so no create is lost to the swap.
 */
final class BloomFilter {
  private static final String CONTAINS =
      "if redis.call('EXISTS', KEYS[1]) == 0 then return 1 end "
          + "for i = 1, #ARGV do if redis.call('GETBIT', KEYS[1], ARGV[i]) == 0 then return 0 end end "
          + "return 1";
  private static final String ADD =
      "for k = 1, 2 do if redis.call('EXISTS', KEYS[k]) == 1 then "
          + "for i = 1, #ARGV do redis.call('SETBIT', KEYS[k], ARGV[i], 1) end end end return 1";
  private static final String FILL =
      "for i = 1, #ARGV do redis.call('SETBIT', KEYS[1], ARGV[i], 1) end return 1";

  private final ReactiveRedisDataSource redis;
  private final RedisGuard guard;
  private final CacheSpec<?> spec;
  private final long bits;
  private final int hashes;

  BloomFilter(
      ReactiveRedisDataSource redis,
      RedisGuard guard,
      CacheSpec<?> spec,
      CacheConfig.Bloom config) {
    this.redis = redis;
    this.guard = guard;
    this.spec = spec;
    this.bits = config.bits();
    this.hashes = config.hashes();
  }

  /** False only if the id certainly does not exist; true when Redis cannot answer. */
  Uni<Boolean> mightContain(String id) {
    return guard
        .call(() -> redis.execute(Command.EVAL, withArgs(CONTAINS, 1, spec.bloomKey(), id)))
        .map(r -> r == null || r.toLong() == 1)
        .onFailure()
        .recoverWithItem(true);
  }

  /** Fails if Redis fails: the caller must retry or the id stays invisible until a rebuild. */
  Uni<Void> add(String id) {
    return guard
        .call(
            () ->
                redis.execute(
                    Command.EVAL, withArgs(ADD, 2, spec.bloomKey(), spec.bloomNextKey(), id)))
        .replaceWithVoid();
  }

  /** Builds a new bitmap from every id, then swaps it in atomically; returns the ids added. */
  Uni<Long> rebuild(Multi<String> ids) {
    String next = spec.bloomNextKey();
    // SETBIT of the last bit sizes the bitmap once instead of growing it during the fill.
    return redis
        .key()
        .del(next)
        .chain(() -> redis.bitmap(String.class).setbit(next, bits - 1, 0))
        .chain(
            () ->
                ids.group()
                    .intoLists()
                    .of(500)
                    .onItem()
                    .transformToUniAndConcatenate(
                        batch -> {
                          List<String> keyThenIds = new ArrayList<>(batch);
                          keyThenIds.add(0, next);
                          return redis
                              .execute(
                                  Command.EVAL,
                                  withArgs(FILL, 1, keyThenIds.toArray(String[]::new)))
                              .replaceWith((long) batch.size());
                        })
                    .collect()
                    .with(Collectors.summingLong((Long n) -> n)))
        .call(() -> redis.key().rename(next, spec.bloomKey()));
  }

  private String[] withArgs(String script, int keyCount, String... keysThenIds) {
    List<String> args = new ArrayList<>();
    args.add(script);
    args.add(Integer.toString(keyCount));
    for (int i = 0; i < keyCount; i++) {
      args.add(keysThenIds[i]);
    }
    for (int i = keyCount; i < keysThenIds.length; i++) {
      for (long position : positions(keysThenIds[i])) {
        args.add(Long.toString(position));
      }
    }
    return args.toArray(String[]::new);
  }

  long[] positions(String id) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    long h1 = mix(bytes, 0x9E3779B97F4A7C15L);
    long h2 = mix(bytes, 0xC2B2AE3D27D4EB4FL) | 1; // odd, so the k positions differ
    long[] out = new long[hashes];
    for (int i = 0; i < hashes; i++) {
      out[i] = Math.floorMod(h1 + i * h2, bits);
    }
    return out;
  }

  // FNV-1a over the bytes, then the SplitMix64 finalizer: fast, stable across JVMs and releases.
  private static long mix(byte[] bytes, long seed) {
    long h = seed ^ 0xCBF29CE484222325L;
    for (byte b : bytes) {
      h = (h ^ (b & 0xFF)) * 0x100000001B3L;
    }
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }
}
