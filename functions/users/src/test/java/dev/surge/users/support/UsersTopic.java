package dev.surge.users.support;

import dev.surge.model.events.EventTypes;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/** Reads {@code surge.users.events} on the real broker, from the beginning, in a fresh group. */
public final class UsersTopic implements AutoCloseable {
  private final KafkaCompanion companion = new KafkaCompanion("127.0.0.1:9092");
  private final ConsumerTask<String, String> task;

  public UsersTopic() {
    task =
        companion
            .consumeStrings()
            .withGroupId("test-" + UUID.randomUUID())
            .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
            .fromTopics(EventTypes.USERS_TOPIC);
  }

  /** Waits until records keyed {@code userId} of {@code type} have arrived, and returns them. */
  public List<ConsumerRecord<String, String>> await(String userId, String type, Duration within) {
    Awaitility.await().atMost(within).until(() -> !matching(userId, type).isEmpty());
    return matching(userId, type);
  }

  public List<ConsumerRecord<String, String>> matching(String userId, String type) {
    return task.getRecords().stream()
        .filter(r -> userId.equals(r.key()) && r.value().contains("\"type\":\"" + type + "\""))
        .toList();
  }

  @Override
  public void close() {
    task.stop();
    companion.close();
  }
}
