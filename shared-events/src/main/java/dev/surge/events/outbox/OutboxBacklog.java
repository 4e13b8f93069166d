package dev.surge.events.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the relay has not published yet, per physical instance, for the outbox alerts: {@code
 * surge.outbox.backlog} (rows) and {@code surge.outbox.oldest.age.seconds} (how long the oldest has
 * waited). A relay that keeps failing, or a paused one, shows here long before consumers notice.
 * Read every {@code surge.outbox.backlog-interval} (15 s): one indexed count per instance.
 */
@ApplicationScoped
@IfBuildProperty(name = "surge.events.produce", stringValue = "true")
public class OutboxBacklog {
  private final OutboxStore store;
  private final MeterRegistry metrics;
  private final Map<String, OutboxStore.Backlog> last = new ConcurrentHashMap<>();

  public OutboxBacklog(OutboxStore store, MeterRegistry metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  @Scheduled(
      every = "${surge.outbox.backlog-interval:15s}",
      delayed = "1s",
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> measure() {
    List<Uni<Void>> reads =
        store.instances().stream()
            .map(
                instance ->
                    store
                        .backlog(instance)
                        .invoke(backlog -> record(instance, backlog))
                        .replaceWithVoid()
                        .onFailure()
                        .recoverWithNull())
            .toList();
    return Uni.join().all(reads).andCollectFailures().replaceWithVoid();
  }

  private void record(String instance, OutboxStore.Backlog backlog) {
    if (last.put(instance, backlog) == null) {
      Gauge.builder("surge.outbox.backlog", last, m -> m.get(instance).rows())
          .description("Outbox rows not yet published to Kafka")
          .tag("instance", instance)
          .register(metrics);
      Gauge.builder("surge.outbox.oldest.age.seconds", last, m -> m.get(instance).oldestSeconds())
          .description("How long the oldest unpublished outbox row has waited")
          .tag("instance", instance)
          .register(metrics);
    }
  }
}
