package dev.surge.cache;

/**
 * The answer of {@link MultiLevelCache#get}: {@code value} is null when the id does not exist.
 *
 * @param stale true if the value is past its logical expiry (a refresh is under way)
 */
public record CacheRead<V>(V value, Level level, boolean stale) {}
