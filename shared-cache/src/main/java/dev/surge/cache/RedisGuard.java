package dev.surge.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.jboss.logging.Logger;

/**
 * Every Redis call of the cache goes through here. When Redis is down or slow the circuit opens and
 * calls fail at once, so a read costs no Redis timeout: the cache answers from L1 and the loader.
 * After {@code delay} a few trial calls go through and, if they succeed, the circuit closes by
 * itself. Tune with {@code quarkus.fault-tolerance."surge-cache-redis".circuit-breaker.*}.
 */
@ApplicationScoped
public class RedisGuard {
  private static final Logger LOG = Logger.getLogger(RedisGuard.class);
  public static final String CIRCUIT = "surge-cache-redis";

  private final Counter errors;
  private final Duration timeout;
  private final CircuitBreakerMaintenance circuits;

  public RedisGuard(
      MeterRegistry registry, CacheConfig config, CircuitBreakerMaintenance circuits) {
    this.errors = Counter.builder("surge.cache.redis.errors").register(registry);
    this.timeout = config.l2().timeout();
    this.circuits = circuits;
    Gauge.builder("surge.cache.circuit.state", this, g -> g.state().ordinal())
        .description("Redis circuit: 0 closed, 1 open, 2 half-open")
        .tag("circuit", "redis")
        .register(registry);
  }

  /** Runs a Redis call; fails fast with CircuitBreakerOpenException while the circuit is open. */
  @CircuitBreaker(
      requestVolumeThreshold = 20,
      failureRatio = 0.5,
      delay = 2000,
      successThreshold = 3)
  @CircuitBreakerName(CIRCUIT)
  public <T> Uni<T> call(Supplier<Uni<T>> op) {
    return op.get()
        .ifNoItem()
        .after(timeout)
        .fail()
        .onFailure()
        .invoke(
            e -> {
              errors.increment();
              LOG.debugf("Redis call failed: %s", e.toString());
            });
  }

  public CircuitBreakerState state() {
    return circuits.currentState(CIRCUIT);
  }
}
