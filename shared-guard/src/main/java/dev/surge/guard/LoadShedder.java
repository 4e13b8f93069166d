package dev.surge.guard;

import dev.surge.model.problem.Problem;
import dev.surge.model.problem.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A concurrency limit per instance: past {@code surge.guard.max-concurrent-requests} requests in
 * progress, a new one is answered 503 + Retry-After at once, before any work, instead of waiting in
 * an unbounded queue while every request's latency grows (the autoscaler adds pods meanwhile).
 * Probes and metrics (/q/*) are never shed: a busy pod must not look dead.
 */
@Singleton
public class LoadShedder {
  private final AtomicInteger inFlight = new AtomicInteger();

  void install(@Observes Router router, GuardConfig config, MeterRegistry metrics) {
    int max = config.maxConcurrentRequests();
    String body =
        Problems.problemJson(
            ProblemType.UNAVAILABLE, "This instance is at capacity; retry shortly");
    String retryAfter = Integer.toString(config.retryAfterSeconds());
    Counter shed = Counter.builder("surge.guard.shed").register(metrics);
    metrics.gauge("surge.guard.in-flight", inFlight);
    router
        .route()
        .order(Integer.MIN_VALUE + 1)
        .handler(
            ctx -> {
              if (ctx.normalizedPath().startsWith("/q/")) {
                ctx.next();
                return;
              }
              if (inFlight.incrementAndGet() > max) {
                inFlight.decrementAndGet();
                shed.increment();
                ctx.response()
                    .setStatusCode(503)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", retryAfter)
                    .end(body);
                return;
              }
              // Runs once whether the response ends or the connection drops.
              ctx.addEndHandler(done -> inFlight.decrementAndGet());
              ctx.next();
            });
  }
}
