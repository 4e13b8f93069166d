package dev.surge.guard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * What shared-guard applies to the routes of {@code surge/routes.yaml}. Defaults for the limit
 * classes are in this module's META-INF/microprofile-config.properties (a function overrides them
 * in its application.properties).
 */
@ConfigMapping(prefix = "surge.guard")
public interface GuardConfig {
  /**
   * Limits and Idempotency-Key on or off (kill switches and load shedding stay on). Off only to
   * measure what they cost (perf/guard-bench.sh).
   */
  @WithDefault("true")
  boolean enabled();

  /**
   * Requests one instance serves at once; past that it answers 503 + Retry-After at once instead of
   * queueing without bound. Sized for a 2-core pod of a reactive function.
   */
  @WithDefault("256")
  int maxConcurrentRequests();

  /** Retry-After, in seconds, of a shed request and of a switched-off operation. */
  @WithDefault("1")
  int retryAfterSeconds();

  /** How long any guard Redis call may take before the in-process fallback answers. */
  @WithDefault("200ms")
  Duration redisTimeout();

  /** The limit classes routes.yaml names, by name. A class not configured is not limited. */
  Map<String, Limit> limits();

  Idempotency idempotency();

  Switches switches();

  Login login();

  /** One token bucket class. */
  interface Limit {
    /** Burst: the bucket's size. */
    int capacity();

    /** Tokens added back per second. */
    double refillPerSecond();

    /**
     * Tokens one instance takes from the shared bucket per Redis call and then hands out in process
     * for at most {@link #leaseFor()}. Tokens not used by then lapse, so a lease can only tighten a
     * limit (by up to lease - 1 per instance per lease window), never loosen it. 1 asks Redis on
     * every request; a busy read class takes more, so most reads cost no round trip.
     */
    @WithDefault("1")
    int lease();

    /** How long leased tokens may be handed out before they lapse. */
    @WithDefault("1s")
    Duration leaseFor();

    /** What a bucket belongs to: the caller's IP or the authenticated user (else its IP). */
    @WithDefault("user")
    Key key();

    /** How a bucket is keyed. */
    enum Key {
      IP,
      USER
    }
  }

  /** Idempotency-Key (draft-ietf-httpapi-idempotency-key-header). */
  interface Idempotency {
    /** How long a first response is kept and replayed. */
    @WithDefault("24h")
    Duration ttl();

    /** How long the in-flight marker holds if the instance dies before answering. */
    @WithDefault("30s")
    Duration inFlightTtl();
  }

  /** Kill switches in Redis. */
  interface Switches {
    /** How often each instance reads every switch: a flip takes effect within this plus a read. */
    @WithDefault("1s")
    Duration refresh();

    /** Retry-After, in seconds, of an operation switched off. */
    @WithDefault("30")
    int retryAfterSeconds();
  }

  /** Login throttle: failures per account and per IP in a fixed window. */
  interface Login {
    /** Failures one account may have in a window before logins to it get 429. */
    @WithDefault("10")
    int maxAccountFailures();

    /** Failures one IP may have in a window (a NAT holds many users, so higher). */
    @WithDefault("50")
    int maxIpFailures();

    /** The window, which starts at the first failure. */
    @WithDefault("15m")
    Duration window();
  }
}
