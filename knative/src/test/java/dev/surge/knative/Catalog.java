package dev.surge.knative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the manifests must implement, from the files that declare it for the whole repository: the
 * functions (knative/functions.yaml) and the topics with their producer and consumers
 * (shared-model's surge/topics.yaml, which the functions, dev/platform and Terraform read too).
 */
record Catalog(List<String> functions, Map<String, Topic> topics) {

  /** The real files. */
  static final Path FUNCTIONS = Path.of("functions.yaml");

  static final Path TOPICS = Path.of("../shared-model/src/main/resources/surge/topics.yaml");

  /** One topic: the function whose events it carries and the functions that consume it. */
  record Topic(String producer, List<String> consumers) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Catalog read(Path functionsYaml, Path topicsYaml) {
    List<String> functions = new ArrayList<>();
    tree(functionsYaml).path("functions").forEach(f -> functions.add(f.asText()));
    Map<String, Topic> topics = new TreeMap<>();
    tree(topicsYaml)
        .path("topics")
        .properties()
        .forEach(
            e -> {
              List<String> consumers = new ArrayList<>();
              e.getValue().path("consumers").forEach(c -> consumers.add(c.asText()));
              topics.put(e.getKey(), new Topic(e.getValue().path("producer").asText(), consumers));
            });
    return new Catalog(functions, topics);
  }

  /**
   * The dead-letter topic of one consumer of one topic: the rule topics.yaml states (and
   * shared-model's Topics.deadLetterTopic implements) for every consumer.
   */
  static String deadLetterTopic(String topic, String consumer) {
    return topic + "." + consumer + ".dlt";
  }

  /** Every producer and consumer named in topics.yaml is a function of functions.yaml. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    topics.forEach(
        (name, t) -> {
          if (!functions.contains(t.producer())) {
            problems.add("topic " + name + ": producer " + t.producer() + " is not a function");
          }
          t.consumers().stream()
              .filter(c -> !functions.contains(c))
              .forEach(
                  c -> problems.add("topic " + name + ": consumer " + c + " is not a function"));
        });
    return problems;
  }

  private static JsonNode tree(Path yaml) {
    try {
      return YAML.readTree(yaml.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
