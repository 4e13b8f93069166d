package dev.surge.events.delivery;

import dev.surge.model.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The replay command ({@code dev/dlt-replay <dlt-topic>}): sends every record of a dead-letter
 * topic back to the topic it came from, with its original key, value and headers, so the consumer
 * (fixed by now) applies it; idempotent consumers make a replay of already-applied events harmless.
 * Progress is the command's own consumer group on the dead-letter topic, committed after each batch
 * is acknowledged: a second run replays only what arrived since. Plain kafka-clients, no Quarkus,
 * so it runs from a shell next to any broker.
 */
public final class DeadLetterReplay {
  private DeadLetterReplay() {}

  public static void main(String[] args) {
    if (args.length < 1 || args[0].startsWith("-")) {
      System.err.println(
          "usage: dlt-replay <dead-letter-topic> [bootstrap, default 127.0.0.1:9092]");
      System.exit(2);
    }
    String bootstrap = args.length > 1 ? args[1] : "127.0.0.1:9092";
    System.out.printf("replayed %d record(s) from %s%n", replay(bootstrap, args[0]), args[0]);
  }

  /** Replays what is new on {@code dltTopic}; returns how many records went back. */
  public static int replay(String bootstrap, String dltTopic) {
    Map<String, Object> consumerConfig =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            dltTopic + ".replay",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.CLIENT_ID_CONFIG,
            "dlt-replay-" + UUID.randomUUID());
    Map<String, Object> producerConfig =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true);
    int replayed = 0;
    try (var consumer =
            new KafkaConsumer<>(
                consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        var producer =
            new KafkaProducer<>(
                producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(dltTopic).stream()
              .map(p -> new TopicPartition(dltTopic, p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata at = committed.get(tp);
        if (at == null) {
          consumer.seekToBeginning(List.of(tp));
        } else {
          consumer.seek(tp, at.offset());
        }
      }
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          if (record.offset() >= ends.get(tp)) {
            continue;
          }
          producer.send(back(record));
          done.put(tp, new OffsetAndMetadata(record.offset() + 1));
          replayed++;
        }
        producer.flush();
        consumer.commitSync(done);
      }
    }
    return replayed;
  }

  /**
   * The record as it was first published: to the topic the DLT's name says, without the headers the
   * dead-lettering added (the connector's {@code dead-letter-*}, Surge's {@code surge-dlt-*}).
   */
  private static ProducerRecord<byte[], byte[]> back(ConsumerRecord<byte[], byte[]> record) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!header.key().startsWith("dead-letter-")
          && !header.key().startsWith(KafkaEventConsumer.DLT_PREFIX)) {
        headers.add(header);
      }
    }
    String topic = Topics.originOfDeadLetters(record.topic());
    return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
  }
}
