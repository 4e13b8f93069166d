package dev.surge.users.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.model.events.CloudEvent;
import dev.surge.users.data.OutboxEvent;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends CloudEvents to the outbox inside the caller's transaction: the event exists if and only
 * if the change it announces was committed. The relay publishes it afterwards.
 */
@ApplicationScoped
public class EventOutbox {
  static final String SOURCE = "/surge/users";

  private final ObjectMapper json;

  public EventOutbox(ObjectMapper json) {
    this.json = json;
  }

  /** Must run inside {@code Panache.withTransaction}. */
  public Uni<Void> append(String topic, String type, String subject, Object data) {
    OutboxEvent row = new OutboxEvent();
    row.id = UUID.randomUUID();
    row.topic = topic;
    row.eventKey = subject;
    row.eventType = type;
    row.createdAt = Instant.now();
    row.payload =
        write(CloudEvent.of(row.id.toString(), SOURCE, type, subject, row.createdAt, data));
    // The request's trace context, so consumers continue the trace that caused the event.
    row.traceparent = OutboxTracing.traceparent(Span.current().getSpanContext());
    return row.persist().replaceWithVoid();
  }

  private String write(CloudEvent<?> event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event data must be serializable", e);
    }
  }
}
