package dev.surge.orders.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.events.CloudEvents;
import dev.surge.events.outbox.OutboxConfig;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.PurchaseReserved;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes PurchaseReserved straight to Kafka (the purchase path has no database, so no outbox),
 * keyed by the buyer id. The CloudEvent id is derived from the order id: a re-publication (a
 * retried purchase, the reconciliation) is the same event, and persisting is idempotent anyway.
 */
@ApplicationScoped
public class ReservationPublisher {
  private final MutinyEmitter<String> emitter;
  private final ObjectMapper json;
  private final String source;

  public ReservationPublisher(
      @Channel("reservations") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 65536)
          MutinyEmitter<String> emitter,
      ObjectMapper json,
      OutboxConfig outbox) {
    this.emitter = emitter;
    this.json = json;
    this.source = outbox.source();
  }

  /** Sends the event of {@code r}; completes when Kafka acknowledged it. */
  public Uni<Void> publish(Reservation r) {
    PurchaseReserved data =
        new PurchaseReserved(
            Long.toString(r.orderId()),
            Long.toString(r.saleId()),
            r.bucket(),
            Long.toString(r.buyer()),
            Long.toString(r.itemId()),
            r.quantity(),
            r.priceCents(),
            r.at());
    String id =
        UUID.nameUUIDFromBytes(("reserved:" + r.orderId()).getBytes(StandardCharsets.UTF_8))
            .toString();
    String payload =
        new String(
            CloudEvents.structured(
                id,
                source,
                EventTypes.PURCHASE_RESERVED,
                data.userId(),
                Instant.now(),
                write(data)),
            StandardCharsets.UTF_8);
    RecordHeaders headers = new RecordHeaders();
    headers.add("content-type", CloudEvents.STRUCTURED.getBytes(StandardCharsets.UTF_8));
    return emitter.sendMessage(
        Message.of(payload)
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(EventTypes.ORDERS_TOPIC)
                    .withKey(data.userId())
                    .withHeaders(headers)
                    .build()));
  }

  private byte[] write(Object data) {
    try {
      return json.writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event data must be serializable", e);
    }
  }
}
