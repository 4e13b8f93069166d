package dev.surge.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Tokens an instance took from a shared bucket in one Redis call and hands out in process until
 * they run out or lapse. Only tokens Redis already granted are handed out, so a leased class admits
 * at most what the shared bucket allows, whatever the number of instances.
 */
final class Leases {
  private final Cache<String, Lease> leases =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(1)).build();

  /**
   * One token from {@code key}'s lease, answered with the decision Redis gave when it granted the
   * lease (its quota headers are that old); null when the lease is used up or lapsed.
   */
  RateLimiter.Decision take(String key) {
    Lease lease = leases.getIfPresent(key);
    return lease != null && lease.take() ? lease.granted : null;
  }

  /** Keeps {@code tokens} more of {@code granted}'s bucket for {@code lifetime}. */
  void grant(String key, long tokens, RateLimiter.Decision granted, Duration lifetime) {
    if (tokens > 0) {
      leases.put(key, new Lease(granted, tokens, System.nanoTime() + lifetime.toNanos()));
    }
  }

  private static final class Lease {
    private final RateLimiter.Decision granted;
    private final long lapsesAt;
    private long left;

    Lease(RateLimiter.Decision granted, long left, long lapsesAt) {
      this.granted = granted;
      this.left = left;
      this.lapsesAt = lapsesAt;
    }

    synchronized boolean take() {
      if (left <= 0 || System.nanoTime() - lapsesAt > 0) {
        return false;
      }
      left--;
      return true;
    }
  }
}
