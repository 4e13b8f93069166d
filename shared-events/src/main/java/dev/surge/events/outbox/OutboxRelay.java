package dev.surge.events.outbox;

import dev.surge.events.CloudEvents;
import dev.surge.events.outbox.OutboxStore.Pending;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka and marks them sent. At-least-once: a crash after Kafka's ack and
 * before the mark publishes the event again, with the same CloudEvent id, for consumers to dedupe.
 */
@ApplicationScoped
@IfBuildProperty(name = "surge.events.produce", stringValue = "true")
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  private final OutboxStore store;
  private final MutinyEmitter<String> emitter;
  private final OutboxConfig config;
  private final OutboxTracing tracing;
  private final AtomicBoolean paused;
  private final Instance<BooleanSupplier> switchedOff;
  private final Counter published;
  private final Counter failures;
  private final Timer lag;

  public OutboxRelay(
      OutboxStore store,
      @Channel("outbox") MutinyEmitter<String> emitter,
      OutboxConfig config,
      OutboxTracing tracing,
      MeterRegistry metrics,
      @Named("surge.outbox.paused") Instance<BooleanSupplier> switchedOff) {
    this.store = store;
    this.emitter = emitter;
    this.config = config;
    this.tracing = tracing;
    this.paused = new AtomicBoolean(!config.enabled());
    this.switchedOff = switchedOff;
    this.published = metrics.counter("surge.outbox.published");
    this.failures = metrics.counter("surge.outbox.publish.failures");
    this.lag = metrics.timer("surge.outbox.lag");
  }

  // Not while starting or stopping: the Kafka emitter is wired only once the app runs.
  @Scheduled(
      every = "${surge.outbox.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> poll() {
    return relay().replaceWithVoid().onFailure().recoverWithNull();
  }

  @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> cleanUp() {
    Instant cutoff = Instant.now().minus(config.retention());
    List<Uni<Integer>> all =
        store.instances().stream()
            .map(i -> store.deletePublishedBefore(i, cutoff).onFailure().recoverWithItem(0))
            .toList();
    return Uni.join().all(all).andFailFast().replaceWithVoid();
  }

  /** Publishes right after a commit, so an event need not wait for the next poll. */
  public void nudge() {
    relay().subscribe().with(count -> {}, e -> {});
  }

  /** Kill switch, also used by tests to stand for a relay that died before publishing. */
  public void pause() {
    paused.set(true);
  }

  public void resume() {
    paused.set(false);
  }

  /**
   * One round: on every instance, claim a batch, publish it, mark it. Returns how many events left.
   * An instance that is down fails its own part only; the others still publish.
   */
  public Uni<Integer> relay() {
    if (paused.get() || switchedOffByOperator()) {
      return Uni.createFrom().item(0);
    }
    List<Uni<Integer>> rounds =
        store.instances().stream()
            .map(
                instance ->
                    relay(instance)
                        .onFailure()
                        .recoverWithItem(
                            e -> {
                              failures.increment();
                              LOG.warnf(
                                  "Outbox relay round on %s failed, will retry: %s",
                                  instance, e.getMessage());
                              return 0;
                            }))
            .toList();
    return Uni.join().all(rounds).andFailFast().map(l -> l.stream().mapToInt(i -> i).sum());
  }

  /**
   * The {@code outbox-paused} kill switch (shared-guard provides it by name, so this module does
   * not depend on it): rows stay unsent, and are published once the switch is off again.
   */
  private boolean switchedOffByOperator() {
    return switchedOff.isResolvable() && switchedOff.get().getAsBoolean();
  }

  private Uni<Integer> relay(String instance) {
    return store
        .claim(instance, config.batchSize(), config.lease())
        .flatMap(batch -> batch.isEmpty() ? Uni.createFrom().item(0) : publish(instance, batch));
  }

  private Uni<Integer> publish(String instance, List<Pending> batch) {
    List<Uni<Void>> sends = batch.stream().map(this::send).toList();
    return Uni.join()
        .all(sends)
        .andFailFast()
        .flatMap(done -> store.markPublished(instance, batch.stream().map(Pending::id).toList()))
        .invoke(
            () -> {
              published.increment(batch.size());
              batch.forEach(e -> lag.record(Duration.between(e.createdAt(), Instant.now())));
            })
        .replaceWith(batch.size());
  }

  private Uni<Void> send(Pending event) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("content-type", CloudEvents.STRUCTURED.getBytes(StandardCharsets.UTF_8));
    OutboxTracing.Producer span = tracing.start(event);
    if (span.traceparent() != null) {
      headers.add("traceparent", span.traceparent().getBytes());
    }
    Message<String> message =
        Message.of(event.payload())
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(event.topic())
                    .withKey(event.key())
                    .withHeaders(headers)
                    .build());
    return emitter.sendMessage(message).onTermination().invoke(span::end);
  }
}
