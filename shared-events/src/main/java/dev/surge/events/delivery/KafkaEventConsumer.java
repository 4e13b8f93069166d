package dev.surge.events.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.events.CloudEvents;
import dev.surge.events.EventDispatcher;
import dev.surge.events.EventsConfig;
import dev.surge.events.PoisonEvent;
import dev.surge.events.ReceivedEvent;
import dev.surge.model.events.Topics;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The plain Kafka path for warm deployments: the same handlers as {@code POST /events}, fed from
 * channel {@code surge-events} (on when {@code surge.events.kafka-enabled=true}). One record at a
 * time per partition: a failing record is retried in place with exponential backoff (order within
 * the partition kept), then nacked to the connector's dead-letter queue ({@code
 * failure-strategy=dead-letter-queue}), which writes it to {@code <topic>.<consumer>.dlt} with its
 * key, value and headers plus the error, and commits past it only once that write is stored.
 */
@ApplicationScoped
@IfBuildProperty(name = "surge.events.consume", stringValue = "true")
public class KafkaEventConsumer {
  /** Prefix of the headers Surge adds to a dead letter, beside the connector's dead-letter-*. */
  public static final String DLT_PREFIX = "surge-dlt-";

  private static final Logger LOG = Logger.getLogger(KafkaEventConsumer.class);

  private final EventDispatcher dispatcher;
  private final EventsConfig config;
  private final ObjectMapper json;

  public KafkaEventConsumer(EventDispatcher dispatcher, EventsConfig config, ObjectMapper json) {
    this.dispatcher = dispatcher;
    this.config = config;
    this.json = json;
  }

  @Incoming("surge-events")
  public Uni<Void> consume(Message<byte[]> message) {
    var record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
    ReceivedEvent event;
    try {
      event = CloudEvents.fromKafka(json, record.getHeaders(), message.getPayload());
    } catch (PoisonEvent e) {
      return deadLetter(message, record.getTopic(), "unreadable", e);
    }
    var retry = config.retry();
    return Uni.createFrom()
        .deferred(() -> dispatcher.dispatch(event))
        .onFailure(e -> !(e instanceof PoisonEvent))
        .invoke(e -> dispatcher.count(event.type(), "retried"))
        .onFailure(e -> !(e instanceof PoisonEvent))
        .retry()
        .withBackOff(retry.initialBackoff(), retry.maxBackoff())
        .atMost(Math.max(0, retry.attempts() - 1))
        .chain(() -> Uni.createFrom().completionStage(message.ack()))
        .onFailure()
        .recoverWithUni(
            e -> {
              LOG.warnf("Event %s (%s) dead-lettered: %s", event.id(), event.type(), e.toString());
              dispatcher.count(event.type(), "dead_lettered");
              String reason = e instanceof PoisonEvent ? "poison" : "exhausted";
              return deadLetter(message, record.getTopic(), reason, e);
            });
  }

  /** Hands the record to the connector's dead-letter queue, aimed at this consumer's DLT. */
  private Uni<Void> deadLetter(Message<byte[]> message, String topic, String reason, Throwable e) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DLT_PREFIX + "reason", reason.getBytes(StandardCharsets.UTF_8));
    headers.add(DLT_PREFIX + "consumer", config.consumer().getBytes(StandardCharsets.UTF_8));
    var target =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withTopic(Topics.deadLetterTopic(topic, config.consumer()))
            .withHeaders(headers)
            .build();
    return Uni.createFrom().completionStage(message.nack(e, Metadata.of(target)));
  }
}
