package dev.surge.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.events.delivery.DeadLetterReplay;
import dev.surge.events.support.Events;
import dev.surge.events.support.TestEffects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plain consumer on the real Kafka: duplicates, poison, retries, dead letters, replay, lag. */
@QuarkusTest
class KafkaDeliveryTest {
  static final String TOPIC = "surge.test.events";
  static final String DLT = "surge.test.events.evtest.dlt";
  // The replay test's own dead-letter topic: the poison records of the other test would be
  // dead-lettered again by every replay of the shared one.
  static final String REPLAY_DLT = "surge.test.events.replaytest.dlt";

  // The real local broker (no Dev Services: KafkaCompanionResource would start a container).
  final KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092");
  @Inject TestEffects effects;

  @org.junit.jupiter.api.AfterEach
  void close() {
    kafka.close();
  }

  @BeforeEach
  void setUp() {
    effects.createTable().await().atMost(Duration.ofSeconds(10));
    var existing = kafka.topics().list();
    for (String topic : new String[] {TOPIC, DLT, REPLAY_DLT}) {
      if (!existing.contains(topic)) {
        kafka.topics().createAndWait(topic, 1, Duration.ofSeconds(10));
      }
    }
  }

  @Test
  void threeDeliveriesOfOneEventHaveOneEffect() {
    String id = Events.newId();
    for (int i = 0; i < 3; i++) {
      send("k", Events.structured(id, "once"));
    }
    String later = Events.newId();
    send("k", Events.structured(later, "after"));
    await(() -> effects(later) == 1);
    assertEquals(1L, effects(id));
  }

  @Test
  void poisonAndExhaustedEventsAreDeadLetteredWhileLaterOnesFlow() {
    String poison = Events.newId();
    String failing = Events.newId();
    String good = Events.newId();
    send("same-key", Events.structured(poison, "poison"));
    send("same-key", Events.structured(failing, "fail"));
    send("same-key", Events.structured(good, "fine"));
    await(() -> effects(good) == 1);
    // surge.events.retry.attempts=3 in tests: the failing one was tried exactly three times.
    assertEquals(3, TestEffects.FAILURES.get(failing).get());

    // The dead-letter topic keeps earlier runs' records: read it all and pick ours.
    var dead = kafka.consumeStrings().fromTopics(DLT, Duration.ofSeconds(5)).awaitCompletion();
    var poisoned =
        dead.getRecords().stream()
            .filter(r -> r.value().contains(poison))
            .findFirst()
            .orElseThrow();
    assertEquals("poison", header(poisoned, "surge-dlt-reason"));
    assertEquals(TOPIC, header(poisoned, "dead-letter-topic"));
    assertEquals("evtest", header(poisoned, "surge-dlt-consumer"));
    assertEquals("same-key", poisoned.key());
    var exhausted =
        dead.getRecords().stream()
            .filter(r -> r.value().contains(failing))
            .findFirst()
            .orElseThrow();
    assertEquals("exhausted", header(exhausted, "surge-dlt-reason"));
    assertTrue(header(exhausted, "dead-letter-reason").contains("dependency down"));
    assertEquals("kept", header(exhausted, "x-original"));
  }

  @Test
  void replaySendsDeadLettersBackOnceAndTheFixedConsumerAppliesThem() {
    // A record dead-lettered earlier, now replayable: its value no longer fails.
    String id = Events.newId();
    kafka
        .produceStrings()
        .fromRecords(
            new ProducerRecord<>(
                REPLAY_DLT,
                null,
                "k",
                Events.structured(id, "replayed"),
                new org.apache.kafka.common.header.internals.RecordHeaders()
                    .add("content-type", CloudEvents.STRUCTURED.getBytes(StandardCharsets.UTF_8))
                    .add("dead-letter-topic", TOPIC.getBytes(StandardCharsets.UTF_8))
                    .add("surge-dlt-reason", "exhausted".getBytes(StandardCharsets.UTF_8))))
        .awaitCompletion();
    int first = DeadLetterReplay.replay("127.0.0.1:9092", REPLAY_DLT);
    assertTrue(first >= 1, "replayed " + first);
    await(() -> effects(id) == 1);
    assertEquals(
        0, DeadLetterReplay.replay("127.0.0.1:9092", REPLAY_DLT), "second run replays nothing");
  }

  @Test
  void consumerLagIsAMetric() {
    send("k", Events.structured(Events.newId(), "lag"));
    await(
        () ->
            RestAssured.get("/q/metrics")
                .asString()
                .contains("surge_events_consumer_lag{group=\"evtest\",topic=\"" + TOPIC + "\"}"));
  }

  private void send(String key, String value) {
    var record = new ProducerRecord<>(TOPIC, key, value);
    record.headers().add("x-original", "kept".getBytes(StandardCharsets.UTF_8));
    record.headers().add("content-type", CloudEvents.STRUCTURED.getBytes(StandardCharsets.UTF_8));
    kafka.produceStrings().fromRecords(record).awaitCompletion();
  }

  private long effects(String id) {
    return effects.effects(id).await().atMost(Duration.ofSeconds(5));
  }

  private static String header(
      org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void await(java.util.concurrent.Callable<Boolean> condition) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(condition);
  }
}
