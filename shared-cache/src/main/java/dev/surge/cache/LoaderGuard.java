package dev.surge.cache;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Every load (database read) of every cache goes through one bulkhead, so that when Redis is gone
 * and L1 is cold the database sees at most {@code value} concurrent cache loads per instance; the
 * rest queue. Tune with {@code
 * quarkus.fault-tolerance."dev.surge.cache.LoaderGuard/load".bulkhead.*}.
 */
@ApplicationScoped
public class LoaderGuard {
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  public LoaderGuard(MeterRegistry registry) {
    Gauge.builder("surge.cache.loader.active", active, AtomicInteger::get)
        .description("Loads running now")
        .register(registry);
  }

  @Bulkhead(value = 8, waitingTaskQueue = 10_000)
  public <T> Uni<T> load(Supplier<Uni<T>> loader) {
    return Uni.createFrom()
        .deferred(
            () -> {
              peak.accumulateAndGet(active.incrementAndGet(), Math::max);
              return loader.get();
            })
        .onTermination()
        .invoke(active::decrementAndGet);
  }

  /** Highest number of concurrent loads seen since the last reset (tests, diagnostics). */
  public int peak() {
    return peak.get();
  }

  public void resetPeak() {
    peak.set(active.get());
  }
}
