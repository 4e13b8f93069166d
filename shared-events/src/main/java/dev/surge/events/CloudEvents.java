package dev.surge.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 through the CloudEvents SDK: the structured JSON the outbox stores and publishes,
 * and the two modes Surge receives, structured ({@code application/cloudevents+json}) and binary
 * ({@code ce-*} HTTP headers, {@code ce_*} Kafka headers), over HTTP and Kafka alike. A malformed
 * event is a {@link PoisonEvent}: no retry can fix it.
 */
public final class CloudEvents {
  /** The media type of a structured CloudEvent in JSON. */
  public static final String STRUCTURED = JsonFormat.CONTENT_TYPE;

  private static final JsonFormat FORMAT = new JsonFormat();
  private static final int MAX_ATTRIBUTE = 512;

  static {
    // The readers find structured formats through EventFormatProvider, which fills itself by
    // ServiceLoader; native images are built without automatic ServiceLoader registration
    // (Quarkus turns it off), so the JSON format is registered by hand.
    EventFormatProvider.getInstance().registerFormat(FORMAT);
  }

  private CloudEvents() {}

  /** The structured JSON form of one event, as the outbox stores and the relay publishes it. */
  public static byte[] structured(
      String id, String source, String type, String subject, Instant time, byte[] jsonData) {
    return FORMAT.serialize(
        CloudEventBuilder.v1()
            .withId(id)
            .withSource(URI.create(source))
            .withType(type)
            .withSubject(subject)
            .withTime(time.atOffset(ZoneOffset.UTC))
            .withData("application/json", jsonData)
            .build());
  }

  /** An event delivered over HTTP (a Knative KafkaSource's {@code POST /events}). */
  public static ReceivedEvent fromHttp(
      ObjectMapper json, Map<String, String> headers, byte[] body) {
    return read(json, () -> HttpMessageFactory.createReader(headers, body));
  }

  /** An event read from Kafka by the plain consumer: the record's headers and value. */
  public static ReceivedEvent fromKafka(ObjectMapper json, Headers headers, byte[] value) {
    return read(json, () -> KafkaMessageFactory.createReader(headers, value));
  }

  private static ReceivedEvent read(ObjectMapper json, Supplier<MessageReader> reader) {
    CloudEvent event;
    try {
      event = reader.get().toEvent();
    } catch (RuntimeException e) {
      // The SDK's own errors name the missing or malformed attribute, or the unknown encoding.
      throw new PoisonEvent("Not a CloudEvent 1.0: " + firstLine(e.getMessage()));
    }
    for (String attribute : new String[] {event.getId(), event.getType()}) {
      if (attribute.isBlank() || attribute.length() > MAX_ATTRIBUTE) {
        throw new PoisonEvent("The CloudEvent id and type must be 1 to 512 characters");
      }
    }
    return new ReceivedEvent(
        event.getId(),
        event.getType(),
        event.getSource().toString(),
        event.getSubject(),
        event.getTime() == null ? null : event.getTime().toInstant(),
        data(json, event.getData()));
  }

  private static JsonNode data(ObjectMapper json, CloudEventData data) {
    byte[] bytes = data == null ? null : data.toBytes();
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try {
      return json.readTree(bytes);
    } catch (IOException e) {
      throw new PoisonEvent("The event data is not JSON: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
