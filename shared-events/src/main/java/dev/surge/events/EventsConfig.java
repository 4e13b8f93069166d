package dev.surge.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a function consumes events ({@code surge.events.*}). Some settings are read by annotations or
 * channel settings, which take property names and are expanded at build time, when this mapping is
 * not there yet: their one default is in this module's {@code
 * META-INF/microprofile-config.properties} (consume, produce, kafka-enabled, consumers,
 * lag-interval). They are declared here all the same, so a misspelt key fails at start. Which path
 * delivers events is chosen by {@code surge.events.kafka-enabled}: false (Knative) leaves only
 * {@code POST /events}, fed by a KafkaSource; true also runs the plain consumer on channel {@code
 * surge-events}.
 */
@ConfigMapping(prefix = "surge.events")
public interface EventsConfig {

  /**
   * This consumer's name: the key of its processed-events records, its Kafka consumer group and the
   * middle of its dead-letter topics ({@code <topic>.<consumer>.dlt}), the same names the Knative
   * KafkaSource and its dead-letter KafkaSink use.
   */
  @WithDefault("${surge.function}")
  String consumer();

  /**
   * Build time: this function consumes events, so {@code POST /events}, the plain consumer, dead
   * letters and the lag gauge exist in it. Producer-only functions leave them out of the image.
   */
  boolean consume();

  /** Build time: this function writes events through the outbox (relay included). */
  boolean produce();

  /**
   * Run the plain Kafka consumer too (warm deployments, tests); on Knative ({@code %knative}:
   * false) a KafkaSource posts to {@code /events}, and a consumer in the pod would stop at scale to
   * zero. Read by the channel's {@code enabled} setting.
   */
  boolean kafkaEnabled();

  /**
   * Kafka consumers of the plain path in this process, each with its share of the partitions
   * (channel {@code concurrency}): partitions proceed in parallel, each one stays in order. One
   * would handle a single record at a time for all topics together. Read by the channel's {@code
   * concurrency} setting.
   */
  int consumers();

  /** Retries of the plain consumer before a record is dead-lettered. */
  Retry retry();

  /**
   * Consumer lag: how often the group's committed offsets are compared with the topic ends. Read by
   * {@code ConsumerLag}'s schedule.
   */
  Duration lagInterval();

  interface Retry {
    /** Attempts in all, the first included; {@link PoisonEvent}s get one. */
    @WithDefault("5")
    int attempts();

    /** Wait before the first retry; doubled each time up to {@link #maxBackoff}. */
    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();
  }
}
