package dev.surge.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * A CloudEvent as a consumer sees it, whichever way it arrived: HTTP from a Knative KafkaSource
 * (binary or structured mode) or a record read by the plain Kafka consumer. {@code data} stays a
 * tree; a handler reads it into the shared-model record of its type with {@link #dataAs}.
 *
 * <p>Data that cannot be read is a {@link PoisonEvent}: no retry will ever apply it.
 *
 * @param id the CloudEvent id, stable across redeliveries and replays: the idempotency key
 * @param subject the aggregate id (also the Kafka key), may be null
 * @param time when the producer says it happened, may be null
 */
public record ReceivedEvent(
    String id, String type, String source, String subject, Instant time, JsonNode data) {

  /** The data as the record of this event's type. */
  public <T> T dataAs(ObjectMapper json, Class<T> type) {
    try {
      T value = data == null ? null : json.treeToValue(data, type);
      if (value == null) {
        throw new PoisonEvent(this.type + " has no data");
      }
      return value;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PoisonEvent("unreadable " + this.type + " data: " + e.getMessage(), e);
    }
  }

  /** The id in the data's {@code field} (ids travel as decimal strings). */
  public long id(String field) {
    return parseId(field, data == null ? null : data.path(field).asText(null));
  }

  /** An id read from a data record's {@code field}. */
  public static long parseId(String field, String text) {
    if (text == null) {
      throw new PoisonEvent(field + " is required");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new PoisonEvent(field + " is not an id: " + text);
    }
  }
}
