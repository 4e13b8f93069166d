package dev.surge.data;

import dev.surge.model.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Turns "this instance cannot serve" failures into 503 problems, and keeps one SmallRye Fault
 * Tolerance circuit breaker per instance: the first such failure opens it for {@code downFor}, so
 * one shard's outage costs its own requests only, not a connect timeout each; then one trial
 * request (half-open) closes it again, so recovery needs no manual step. A circuit breaker per
 * method (the annotation) would open for every shard at once, hence the programmatic guard.
 */
final class Unavailability {
  // Logged under the router's category so operators' log filters keep working.
  private static final Logger LOG = Logger.getLogger(ShardRouter.class);

  private final Topology topology;
  private final Counter unavailable;
  private final Map<String, TypedGuard<Uni<Object>>> guards = new ConcurrentHashMap<>();

  Unavailability(Topology topology, MeterRegistry metrics) {
    this.topology = topology;
    this.unavailable = metrics.counter("surge.db.unavailable");
  }

  @SuppressWarnings("unchecked")
  <T> Uni<T> guarded(String instance, Supplier<Uni<T>> work) {
    Uni<Object> guardedWork =
        guards
            .computeIfAbsent(instance, this::guardFor)
            .get(() -> Uni.createFrom().deferred(() -> work.get()).map(value -> (Object) value));
    return (Uni<T>)
        guardedWork
            .onFailure(e -> e instanceof CircuitBreakerOpenException || isUnavailable(e))
            .transform(
                e -> {
                  unavailable.increment();
                  return isFenced(e) ? fencedProblem() : unavailableProblem(instance);
                });
  }

  private TypedGuard<Uni<Object>> guardFor(String instance) {
    return TypedGuard.create(new TypeLiteral<Uni<Object>>() {})
        .withDescription("shard instance " + instance)
        .withCircuitBreaker()
        .requestVolumeThreshold(1)
        .failureRatio(1.0)
        .successThreshold(1)
        .delay(topology.downFor().toMillis(), ChronoUnit.MILLIS)
        // A fence is the move working as designed, not an outage: it never opens the circuit.
        .when(e -> isUnavailable(e) && !isFenced(e))
        .onStateChange(
            state -> LOG.warnf("Instance %s circuit %s", instance, state.name().toLowerCase()))
        .done()
        .build();
  }

  private ProblemException unavailableProblem(String instance) {
    return ProblemException.unavailable(
        "The data for this request is temporarily unavailable", topology.retryAfterSeconds());
  }

  static ProblemException fencedProblem() {
    return ProblemException.unavailable("This data is being moved; retry shortly", 1);
  }

  static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // Already mapped further down: not ours to map again.
      if (t instanceof ProblemException) {
        return false;
      }
      if (t instanceof java.net.ConnectException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof io.vertx.sqlclient.ClosedConnectionException
          || t instanceof io.vertx.core.impl.NoStackTraceTimeoutException
          || t instanceof java.io.IOException) {
        return true;
      }
      if (t instanceof PgException pg && pg.getSqlState() != null) {
        String state = pg.getSqlState();
        // 57014: statement_timeout cancelled the query (ShardingConfig.statementTimeout).
        if (state.startsWith("08")
            || state.startsWith("57P")
            || state.equals("57014")
            || state.equals(ShardRouter.FENCED_SQLSTATE)) {
          return true;
        }
      }
      // Netty's connect failures are not all ConnectExceptions and some classes are internal.
      if (t.getClass().getName().startsWith("io.netty.channel.")
          && t.getClass().getSimpleName().contains("Connect")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static boolean isFenced(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof PgException pg && ShardRouter.FENCED_SQLSTATE.equals(pg.getSqlState())) {
        return true;
      }
    }
    return false;
  }
}
