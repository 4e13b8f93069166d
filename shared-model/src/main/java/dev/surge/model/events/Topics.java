package dev.surge.model.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Kafka topics, as declared once in {@code surge/topics.yaml} (this module's resources; dev,
 * the Knative checks and Terraform read the same file). Loaded once per process.
 */
public final class Topics {
  /** Where the file sits on the classpath (native images include it, see shared-events). */
  public static final String RESOURCE = "surge/topics.yaml";

  private static final Topics LOADED = load();

  /** One topic: its producing family, its consumers, and sizes per environment. */
  @RegisterForReflection
  public record Topic(
      String producer,
      String key,
      List<String> consumers,
      Map<String, Integer> partitions,
      @JsonProperty("retention_hours") int retentionHours) {}

  /** Dead-letter topics, one per topic and consumer: {@code <topic>.<consumer>.dlt}. */
  @RegisterForReflection
  public record DeadLetters(
      Map<String, Integer> partitions, @JsonProperty("retention_hours") int retentionHours) {}

  // Read by Jackson through reflection, which a native image must be told about.
  @RegisterForReflection
  private record File(
      Map<String, Topic> topics, @JsonProperty("dead_letters") DeadLetters deadLetters) {}

  private final Map<String, Topic> topics;

  private Topics(Map<String, Topic> topics) {
    this.topics = topics;
  }

  /** The topic the events of {@code family} (users, graph, posts ...) are published to. */
  public static String ofFamily(String family) {
    return producedBy(family).stream()
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no topic in " + RESOURCE + ": " + family));
  }

  /** The topic of a CloudEvent type {@code surge.<family>.<event>.v1}. */
  public static String ofType(String type) {
    String[] parts = type.split("\\.");
    if (parts.length != 4 || !parts[0].equals("surge")) {
      throw new IllegalArgumentException("not a Surge event type: " + type);
    }
    return ofFamily(parts[1]);
  }

  /** The topics {@code function} publishes (its outbox relay claims only their rows). */
  public static List<String> producedBy(String function) {
    return where(topic -> topic.producer().equals(function));
  }

  /** The topics {@code function} consumes (its Kafka group, KafkaSources and dead letters). */
  public static List<String> consumedBy(String function) {
    return where(topic -> topic.consumers().contains(function));
  }

  private static List<String> where(Predicate<Topic> matches) {
    return LOADED.topics.entrySet().stream()
        .filter(t -> matches.test(t.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** The dead-letter topic of one consumer of one topic. */
  public static String deadLetterTopic(String topic, String consumer) {
    return topic + "." + consumer + ".dlt";
  }

  /** The topic whose records a dead-letter topic {@code <topic>.<consumer>.dlt} holds. */
  public static String originOfDeadLetters(String deadLetterTopic) {
    String withoutSuffix = deadLetterTopic.replaceFirst("\\.dlt$", "");
    int consumer = withoutSuffix.lastIndexOf('.');
    if (withoutSuffix.equals(deadLetterTopic) || consumer < 0) {
      throw new IllegalArgumentException("not a dead-letter topic: " + deadLetterTopic);
    }
    return withoutSuffix.substring(0, consumer);
  }

  private static Topics load() {
    try (InputStream in = Topics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      File file =
          YAMLMapper.builder()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .build()
              .readValue(in, File.class);
      return new Topics(Map.copyOf(file.topics()));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + RESOURCE, e);
    }
  }
}
