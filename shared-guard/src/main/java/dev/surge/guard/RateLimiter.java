package dev.surge.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Token buckets shared by every instance: one Lua script takes a token (or says how long until one
 * is back) in one round trip, with Redis's own clock so instances' clocks do not matter. Keys are
 * {@code {rl:<class>:<caller>}}: the whole key is the hash tag, so a bucket lives on one Cluster
 * slot. When Redis fails or is slow, an in-process bucket of the same shape answers (per instance,
 * so N instances allow up to N times the limit) and {@code surge.guard.limit.fallbacks} counts it.
 */
@ApplicationScoped
// Caffeine picks a generated cache and node class per feature set by name at run time; a native
// image keeps only the registered ones (a missing one is an IllegalStateException naming it on the
// first request, found by the native ITs). These are this module's two builders: maximumSize with
// expireAfterAccess here, with expireAfterWrite in LoginThrottle. Graph has no shared-cache, so
// the list cannot lean on shared-cache's L1.
@RegisterForReflection(
    classNames = {
      "com.github.benmanes.caffeine.cache.SSMSA",
      "com.github.benmanes.caffeine.cache.PSAMS",
      "com.github.benmanes.caffeine.cache.SSMSW",
      "com.github.benmanes.caffeine.cache.PSWMS"
    })
public class RateLimiter {
  private static final Logger LOG = Logger.getLogger(RateLimiter.class);
  // ARGV: capacity, refill per ms, most tokens to take (the lease). Returns {tokens taken, tokens
  // left, ms until one token, ms until full}.
  private static final GuardRedis.Script TAKE =
      GuardRedis.Script.of(
          "local cap = tonumber(ARGV[1]) local rate = tonumber(ARGV[2]) "
              + "local want = tonumber(ARGV[3]) "
              + "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) "
              + "local b = redis.call('HMGET', KEYS[1], 'tokens', 'at') "
              + "local tokens = tonumber(b[1]) or cap local at = tonumber(b[2]) or now "
              + "tokens = math.min(cap, tokens + math.max(0, now - at) * rate) "
              + "local taken = math.min(want, math.floor(tokens)) tokens = tokens - taken "
              + "redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now)) "
              + "local full = math.ceil((cap - tokens) / rate) "
              + "redis.call('PEXPIRE', KEYS[1], full + 1000) "
              + "local wait = 0 if taken == 0 then wait = math.ceil((1 - tokens) / rate) end "
              + "return {taken, math.floor(tokens), wait, full}");

  private final GuardRedis redis;
  private final Leases leases = new Leases();
  private final Counter fallbacks;
  private final Cache<String, LocalBucket> local =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  public RateLimiter(GuardRedis redis, MeterRegistry metrics) {
    this.redis = redis;
    this.fallbacks =
        Counter.builder("surge.guard.limit.fallbacks")
            .description("Limit decisions taken in-process because Redis did not answer")
            .register(metrics);
  }

  /** The outcome of one request against its bucket. */
  public record Decision(
      boolean allowed,
      String limitClass,
      int capacity,
      long remaining,
      long retryAfterMillis,
      long resetMillis) {
    /** The window the policy advertises: the time an empty bucket takes to fill. */
    public long windowSeconds(double refillPerSecond) {
      return Math.max(1, (long) Math.ceil(capacity / refillPerSecond));
    }
  }

  /**
   * Takes one token from the bucket of {@code caller} in {@code limitClass}: from this instance's
   * lease when the class leases and one is left, else from Redis (taking a new lease).
   */
  public Uni<Decision> take(String limitClass, GuardConfig.Limit limit, String caller) {
    String key = "{rl:" + limitClass + ":" + caller + "}";
    if (limit.lease() > 1 && leases.take(key) instanceof Decision leased) {
      return Uni.createFrom().item(leased);
    }
    double perMilli = limit.refillPerSecond() / 1000.0;
    return redis
        .run(
            TAKE,
            key,
            Integer.toString(limit.capacity()),
            Double.toString(perMilli),
            Integer.toString(Math.max(1, limit.lease())))
        .map(
            r -> {
              long taken = r.get(0).toLong();
              Decision decision =
                  new Decision(
                      taken > 0,
                      limitClass,
                      limit.capacity(),
                      r.get(1).toLong(),
                      r.get(2).toLong(),
                      r.get(3).toLong());
              leases.grant(key, taken - 1, decision, limit.leaseFor());
              return decision;
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              fallbacks.increment();
              LOG.debugf("Limit %s decided in-process, Redis failed: %s", limitClass, e.toString());
              return local
                  .get(key, k -> new LocalBucket(limit.capacity(), perMilli))
                  .take(limitClass);
            });
  }

  /** The same bucket in memory, for when Redis cannot answer. */
  private static final class LocalBucket {
    private final int capacity;
    private final double perMilli;
    private double tokens;
    private long at = System.currentTimeMillis();

    LocalBucket(int capacity, double perMilli) {
      this.capacity = capacity;
      this.perMilli = perMilli;
      this.tokens = capacity;
    }

    synchronized Decision take(String limitClass) {
      long now = System.currentTimeMillis();
      tokens = Math.min(capacity, tokens + Math.max(0, now - at) * perMilli);
      at = now;
      boolean allowed = tokens >= 1;
      if (allowed) {
        tokens -= 1;
      }
      long wait = allowed ? 0 : (long) Math.ceil((1 - tokens) / perMilli);
      long full = (long) Math.ceil((capacity - tokens) / perMilli);
      return new Decision(allowed, limitClass, capacity, (long) tokens, wait, full);
    }
  }
}
