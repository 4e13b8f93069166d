package dev.surge.events.delivery;

import dev.surge.events.EventsConfig;
import dev.surge.model.events.Topics;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes a record that cannot be applied to {@code <topic>.<consumer>.dlt}: the original key, value
 * and headers, plus {@code surge-dlt-*} headers saying why and where it came from, which {@code
 * dev/dlt-replay} uses to send it back.
 */
@ApplicationScoped
@IfBuildProperty(name = "surge.events.consume", stringValue = "true")
public class DeadLetters {
  public static final String PREFIX = "surge-dlt-";

  private final MutinyEmitter<byte[]> emitter;
  private final String consumer;

  public DeadLetters(
      @Channel("surge-dead-letters") MutinyEmitter<byte[]> emitter, EventsConfig config) {
    this.emitter = emitter;
    this.consumer = config.consumer();
  }

  public Uni<Void> send(ConsumerRecord<String, byte[]> record, String reason, Throwable error) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      headers.add(header);
    }
    add(headers, "reason", reason);
    add(headers, "error", error.getClass().getName() + ": " + error.getMessage());
    add(headers, "original-topic", record.topic());
    add(headers, "original-partition", Integer.toString(record.partition()));
    add(headers, "original-offset", Long.toString(record.offset()));
    add(headers, "consumer", consumer);
    return emitter.sendMessage(
        Message.of(record.value())
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(Topics.deadLetterTopic(record.topic(), consumer))
                    .withKey(record.key())
                    .withHeaders(headers)
                    .build()));
  }

  private static void add(RecordHeaders headers, String name, String value) {
    String text = value == null ? "" : value.length() > 2000 ? value.substring(0, 2000) : value;
    headers.add(PREFIX + name, text.getBytes(StandardCharsets.UTF_8));
  }
}
