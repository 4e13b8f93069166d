package dev.surge.model.ids;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 64-bit, time-ordered ids with the logical shard inside, so any id routes without a lookup.
 *
 * <pre>
 *  63 | 62 ........ 22 | 21 ..... 12 | 11 ...... 0
 *   0 | ms since 2026  | logical shard| sequence
 *     |    41 bits     |   10 bits    |  12 bits
 * </pre>
 *
 * <p>41 bits of milliseconds last until 2095; 10 bits give 1,024 logical shards; 12 bits give 4,096
 * ids per millisecond per shard per process. The sequence starts at a random value in each process,
 * so two processes rarely collide in the same millisecond and shard; the primary key catches the
 * rare collision and the caller retries with a new id.
 */
public final class SurgeIds {
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  public static final int SHARD_BITS = 10;
  public static final int SEQUENCE_BITS = 12;
  public static final int SHARDS = 1 << SHARD_BITS;

  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
  private static final AtomicLong SEQUENCE =
      new AtomicLong(ThreadLocalRandom.current().nextLong(SEQUENCE_MASK + 1));

  private SurgeIds() {}

  /** A new id on the given logical shard. */
  public static long next(int shard) {
    if (shard < 0 || shard >= SHARDS) {
      throw new IllegalArgumentException("shard out of range: " + shard);
    }
    long millis = System.currentTimeMillis() - EPOCH.toEpochMilli();
    long sequence = SEQUENCE.getAndIncrement() & SEQUENCE_MASK;
    return (millis << (SHARD_BITS + SEQUENCE_BITS)) | ((long) shard << SEQUENCE_BITS) | sequence;
  }

  /** A new id on a random logical shard: new users spread evenly. */
  public static long next() {
    return next(ThreadLocalRandom.current().nextInt(SHARDS));
  }

  public static int shardOf(long id) {
    return (int) ((id >>> SEQUENCE_BITS) & (SHARDS - 1));
  }

  public static Instant timeOf(long id) {
    return EPOCH.plusMillis(id >>> (SHARD_BITS + SEQUENCE_BITS));
  }

  /** Parses a decimal id from a URL or token; empty for anything that is not a valid id. */
  public static java.util.OptionalLong parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 19) {
      return java.util.OptionalLong.empty();
    }
    try {
      long id = Long.parseLong(text);
      return id > 0 ? java.util.OptionalLong.of(id) : java.util.OptionalLong.empty();
    } catch (NumberFormatException e) {
      return java.util.OptionalLong.empty();
    }
  }
}
