package dev.surge.model.ids;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * 64-bit, time-ordered ids with the logical shard inside, so any id routes without a lookup.
 *
 * <pre>
 *  63 | 62 ........ 22 | 21 ..... 12 | 11 ...... 0
 *   0 | ms since 2026  | logical shard| sequence
 *     |    41 bits     |   10 bits    |  12 bits
 * </pre>
 *
 * <p>Limits: 41 bits of milliseconds last 69.7 years, until 2095-09; 10 bits give 1,024 logical
 * shards (shared-data maps them to physical instances); 12 bits give 4,096 ids per millisecond per
 * process, all shards together (the sequence is one counter per process). Unique without
 * coordination as far as 64 bits allow: within a process the counter never repeats inside a
 * millisecond (the 4,097th id of a millisecond waits for the next one); across processes the
 * counter starts each millisecond at a random value, so two processes collide only if, in the same
 * millisecond and on the same shard, their counters coincide (about 1 in 4,096 for one id each;
 * with sign-ups spread over 1,024 shards, a handful of collisions per billion ids). The primary key
 * rejects that rare collision and the caller retries with a fresh id; no coordinator (ZooKeeper, a
 * sequence table) sits on the write path. Getting strictly coordination-free uniqueness would need
 * bits for a unique instance number, which Knative pods do not have, at the cost of sequence or
 * shard bits.
 *
 * <p>{@link #next()} places new root entities (users) on shards by stepping through all 1,024 in a
 * fixed odd stride from a random start per process: each process spreads its ids exactly evenly (a
 * chi-square of about zero), consecutive sign-ups land on distant shards (so on different instances
 * of a range map), and processes do not all start on the same shard. Child entities (posts, orders)
 * use {@link #next(int)} with their owner's shard, so they route with it.
 */
public final class SurgeIds {
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  public static final int SHARD_BITS = 10;
  public static final int SEQUENCE_BITS = 12;
  public static final int SHARDS = 1 << SHARD_BITS;

  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
  // Guarded by SurgeIds.class: the millisecond in use, where its sequence started and where it is.
  private static long lastMillis = -1;
  private static long firstSequence;
  private static long sequence;
  // Odd, so that adding it modulo 1,024 visits every shard once per 1,024 steps.
  private static final int SHARD_STRIDE = 389;
  private static final java.util.concurrent.atomic.AtomicInteger NEXT_SHARD =
      new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(SHARDS));

  private SurgeIds() {}

  /** A new id on the given logical shard. */
  public static long next(int shard) {
    if (shard < 0 || shard >= SHARDS) {
      throw new IllegalArgumentException("shard out of range: " + shard);
    }
    long millis;
    long seq;
    synchronized (SurgeIds.class) {
      // A clock stepped backwards keeps using the last millisecond: ids stay unique and ordered.
      millis = Math.max(nowMillis(), lastMillis);
      if (millis == lastMillis) {
        sequence = (sequence + 1) & SEQUENCE_MASK;
        if (sequence == firstSequence) {
          // 4,096 ids in this millisecond: wrapping would repeat an id, so wait for the next one.
          while ((millis = nowMillis()) <= lastMillis) {
            Thread.onSpinWait();
          }
          startMillisecond(millis);
        }
      } else {
        startMillisecond(millis);
      }
      seq = sequence;
    }
    return (millis << (SHARD_BITS + SEQUENCE_BITS)) | ((long) shard << SEQUENCE_BITS) | seq;
  }

  /** A random start per millisecond keeps two processes' ids in the same millisecond apart. */
  private static void startMillisecond(long millis) {
    lastMillis = millis;
    firstSequence = ThreadLocalRandom.current().nextLong(SEQUENCE_MASK + 1);
    sequence = firstSequence;
  }

  private static long nowMillis() {
    return System.currentTimeMillis() - EPOCH.toEpochMilli();
  }

  /** A new id on the next logical shard of this process' even spread: new users. */
  public static long next() {
    return next(NEXT_SHARD.getAndAdd(SHARD_STRIDE) & (SHARDS - 1));
  }

  public static int shardOf(long id) {
    return (int) ((id >>> SEQUENCE_BITS) & (SHARDS - 1));
  }

  public static Instant timeOf(long id) {
    return EPOCH.plusMillis(id >>> (SHARD_BITS + SEQUENCE_BITS));
  }

  /**
   * Parses a decimal id from a URL or token; empty for anything that is not a valid id. Only ASCII
   * digits, no sign, no leading zero: {@link Long#parseLong} would also take {@code +1}, {@code -1}
   * and other scripts' digits, so one user would answer to many spellings of their id.
   */
  public static java.util.OptionalLong parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 19 || text.charAt(0) == '0') {
      return java.util.OptionalLong.empty();
    }
    long id = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return java.util.OptionalLong.empty();
      }
      int digit = c - '0';
      if (id > (Long.MAX_VALUE - digit) / 10) {
        return java.util.OptionalLong.empty(); // above 2^63-1
      }
      id = id * 10 + digit;
    }
    return java.util.OptionalLong.of(id);
  }
}
