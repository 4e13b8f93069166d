package dev.surge.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.surge.model.events.CloudEvent;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts events on the real Kafka exactly as the producing function's outbox relay would: a
 * structured CloudEvent JSON value, the subject as key. Consumers' tests use it instead of running
 * the producing function.
 */
public final class Publish implements AutoCloseable {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092");

  /** Publishes and returns the event's id. */
  public String event(String topic, String type, String subject, Object data) {
    String id = UUID.randomUUID().toString();
    again(topic, id, type, subject, data);
    return id;
  }

  /** Publishes with a given id: a redelivery of the same event. */
  public void again(String topic, String id, String type, String subject, Object data) {
    kafka
        .produceStrings()
        .fromRecords(new ProducerRecord<>(topic, subject, json(id, type, subject, data)))
        .awaitCompletion();
  }

  public static String json(String id, String type, String subject, Object data) {
    try {
      return JSON.writeValueAsString(
          CloudEvent.of(id, "/surge/test", type, subject, Instant.now(), data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    kafka.close();
  }
}
