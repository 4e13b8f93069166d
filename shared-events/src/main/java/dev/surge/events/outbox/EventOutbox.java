package dev.surge.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.data.ShardRouter;
import dev.surge.events.CloudEvents;
import io.opentelemetry.api.trace.Span;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends CloudEvents to the outbox inside the caller's transaction: the event exists if and only
 * if the change it announces was committed. The relay publishes it afterwards.
 */
@ApplicationScoped
@IfBuildProperty(name = "surge.events.produce", stringValue = "true")
public class EventOutbox {
  private final ObjectMapper json;
  private final String source;
  private final ShardRouter router;

  public EventOutbox(ObjectMapper json, OutboxConfig config, ShardRouter router) {
    this.json = json;
    this.router = router;
    this.source = config.source();
  }

  /**
   * Inserts the event through {@code tx}, the transaction of the change it announces, on the shard
   * of {@code ownerId} (the id whose rows the change wrote). The row carries that logical shard, so
   * a shard move takes it along.
   */
  public Uni<Void> append(
      SqlConnection tx, long ownerId, String topic, String type, String subject, Object data) {
    int shard = router.route(ownerId).shard();
    UUID id = UUID.randomUUID();
    Instant createdAt = Instant.now();
    String payload =
        new String(
            CloudEvents.structured(id.toString(), source, type, subject, createdAt, write(data)),
            StandardCharsets.UTF_8);
    // The request's trace context, so consumers continue the trace that caused the event.
    String traceparent = OutboxTracing.traceparent(Span.current().getSpanContext());
    return tx.preparedQuery(
            "insert into outbox_events"
                + " (id, topic, event_key, event_type, payload, traceparent, created_at, shard)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(
            Tuple.from(
                new Object[] {
                  id,
                  topic,
                  subject,
                  type,
                  payload,
                  traceparent,
                  createdAt.atOffset(java.time.ZoneOffset.UTC),
                  (short) shard
                }))
        .replaceWithVoid();
  }

  private byte[] write(Object data) {
    try {
      return json.writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event data must be serializable", e);
    }
  }
}
