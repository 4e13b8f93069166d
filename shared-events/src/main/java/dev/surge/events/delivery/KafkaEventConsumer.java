package dev.surge.events.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.events.CloudEvents;
import dev.surge.events.EventDispatcher;
import dev.surge.events.EventsConfig;
import dev.surge.events.PoisonEvent;
import dev.surge.events.ReceivedEvent;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The plain Kafka path for warm deployments: the same handlers as {@code POST /events}, fed from
 * channel {@code surge-events} (on when {@code surge.events.kafka-enabled=true}). One record at a
 * time per partition: a failing record is retried with exponential backoff, then dead-lettered, so
 * it holds its partition for a few seconds at most. The offset is committed only after the effect
 * or the dead letter is stored.
 */
@ApplicationScoped
@IfBuildProperty(name = "surge.events.consume", stringValue = "true")
public class KafkaEventConsumer {
  private static final Logger LOG = Logger.getLogger(KafkaEventConsumer.class);

  private final EventDispatcher dispatcher;
  private final DeadLetters deadLetters;
  private final EventsConfig config;
  private final ObjectMapper json;

  public KafkaEventConsumer(
      EventDispatcher dispatcher, DeadLetters deadLetters, EventsConfig config, ObjectMapper json) {
    this.dispatcher = dispatcher;
    this.deadLetters = deadLetters;
    this.config = config;
    this.json = json;
  }

  @Incoming("surge-events")
  public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
    ReceivedEvent event;
    try {
      event = CloudEvents.fromKafka(json, record);
    } catch (PoisonEvent e) {
      return deadLetters.send(record, "unreadable", e);
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
        .onFailure()
        .recoverWithUni(
            e -> {
              LOG.warnf("Event %s (%s) dead-lettered: %s", event.id(), event.type(), e.toString());
              dispatcher.count(event.type(), "dead_lettered");
              return deadLetters.send(record, e instanceof PoisonEvent ? "poison" : "exhausted", e);
            });
  }
}
