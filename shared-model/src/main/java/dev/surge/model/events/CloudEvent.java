package dev.surge.model.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: the exact bytes of a Kafka record value, and
 * of an HTTP body a Knative KafkaSource delivers in structured mode. One schema for both paths.
 *
 * @param id unique per event; replays and outbox retries keep it, so consumers dedupe on it
 * @param source the producing function, e.g. {@code /surge/users}
 * @param type {@code surge.<family>.<event>.v1}, see {@link EventTypes}
 * @param subject the aggregate id the event is about (also the Kafka key)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record CloudEvent<T>(
    String specversion,
    String id,
    String source,
    String type,
    String subject,
    Instant time,
    String datacontenttype,
    T data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String STRUCTURED_CONTENT_TYPE =
      "application/cloudevents+json; charset=UTF-8";

  public static <T> CloudEvent<T> of(
      String id, String source, String type, String subject, Instant time, T data) {
    return new CloudEvent<>(
        SPEC_VERSION, id, source, type, subject, time, "application/json", data);
  }
}
