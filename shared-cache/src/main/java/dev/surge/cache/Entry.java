package dev.surge.cache;

/**
 * One cached value. {@code value == null} is a negative entry: the id does not exist.
 *
 * @param loadedAt wall-clock ms when the load that produced it started; a write at time T removes
 *     entries loaded before T (they may hold the old value), never newer ones
 * @param softExpiresAt logical expiry: after it the value is served stale and refreshed
 */
record Entry<V>(V value, long loadedAt, long softExpiresAt) {

  boolean negative() {
    return value == null;
  }

  boolean stale(long now) {
    return now >= softExpiresAt;
  }
}
