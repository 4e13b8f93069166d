package dev.surge.data;

import dev.surge.model.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Turns "this instance cannot serve" failures into 503 problems and fails the instance fast for
 * {@code downFor}, so one shard's outage costs its own requests only, and not a connect timeout
 * each.
 */
final class Unavailability {
  // Logged under the router's category so operators' log filters keep working.
  private static final Logger LOG = Logger.getLogger(ShardRouter.class);

  private final Topology topology;
  private final Counter unavailable;
  private final Map<String, Long> downUntil = new ConcurrentHashMap<>();

  Unavailability(Topology topology, MeterRegistry metrics) {
    this.topology = topology;
    this.unavailable = metrics.counter("surge.db.unavailable");
  }

  <T> Uni<T> guarded(String instance, Supplier<Uni<T>> work) {
    Long until = downUntil.get(instance);
    if (until != null && System.currentTimeMillis() < until) {
      unavailable.increment();
      return Uni.createFrom().failure(unavailableProblem(instance));
    }
    return Uni.createFrom()
        .<T>deferred(() -> work.get())
        .onFailure(Unavailability::isUnavailable)
        .transform(
            e -> {
              // A fence is the move working as designed, not an outage: keep the instance up.
              if (!isFenced(e)) {
                downUntil.put(instance, System.currentTimeMillis() + topology.downFor().toMillis());
                LOG.warnf("Instance %s unavailable: %s", instance, e.toString());
              }
              unavailable.increment();
              return isFenced(e) ? fencedProblem() : unavailableProblem(instance);
            })
        .invoke(() -> downUntil.remove(instance));
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
        if (state.startsWith("08")
            || state.startsWith("57P")
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
