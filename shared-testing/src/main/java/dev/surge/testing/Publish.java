package dev.surge.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

  /** The media type the outbox relay sets on every record: a structured CloudEvent in JSON. */
  public static final String STRUCTURED = JsonFormat.CONTENT_TYPE;

  private static final JsonFormat FORMAT = new JsonFormat();

  private final KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092");

  /** Publishes and returns the event's id. */
  public String event(String topic, String type, String subject, Object data) {
    String id = UUID.randomUUID().toString();
    again(topic, id, type, subject, data);
    return id;
  }

  /** Publishes with a given id: a redelivery of the same event. */
  public void again(String topic, String id, String type, String subject, Object data) {
    var record = new ProducerRecord<>(topic, subject, json(id, type, subject, data));
    record.headers().add("content-type", STRUCTURED.getBytes(StandardCharsets.UTF_8));
    kafka.produceStrings().fromRecords(record).awaitCompletion();
  }

  public static String json(String id, String type, String subject, Object data) {
    try {
      return new String(
          FORMAT.serialize(
              CloudEventBuilder.v1()
                  .withId(id)
                  .withSource(URI.create("/surge/test"))
                  .withType(type)
                  .withSubject(subject)
                  .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                  .withData("application/json", JSON.writeValueAsBytes(data))
                  .build()),
          StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    kafka.close();
  }
}
