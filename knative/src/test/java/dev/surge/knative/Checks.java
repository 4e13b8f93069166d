package dev.surge.knative;

import io.fabric8.knative.duck.v1.Destination;
import io.fabric8.knative.eventing.v1alpha1.KafkaSink;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1beta1.KafkaSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-object rules for a rendered overlay. Each returns human-readable problems (empty = pass),
 * so a test can both require "no problems" on the real manifests and "this problem" on a seeded
 * fixture.
 */
final class Checks {

  private Checks() {}

  /** Every catalogued function has a Service, and every Service is catalogued. */
  static List<String> functionsHaveServices(Catalog catalog, Manifests m) {
    Set<String> services = names(m.all(Service.class));
    Set<String> functions = Set.copyOf(catalog.functions());
    List<String> problems = new ArrayList<>();
    functions.stream()
        .filter(f -> !services.contains(f))
        .sorted()
        .forEach(f -> problems.add("function " + f + " has no Service"));
    services.stream()
        .filter(s -> !functions.contains(s))
        .sorted()
        .forEach(s -> problems.add("Service " + s + " is not in functions.yaml"));
    return problems;
  }

  /**
   * Every consumer of every topic in topics.yaml has its KafkaSource: group = function, the topic,
   * sink = the function's Service at /events, a dead-letter sink that is a KafkaSink in the same
   * render writing to {@code <topic>.<function>.dlt}, and bounded retries. No stray sources.
   */
  static List<String> consumers(Catalog catalog, Manifests m) {
    List<String> problems = new ArrayList<>();
    Set<String> services = names(m.all(Service.class));
    List<KafkaSource> sources = m.all(KafkaSource.class);
    Set<String> expected = new java.util.HashSet<>();
    for (var entry : catalog.topics().entrySet()) {
      String topic = entry.getKey();
      for (String consumer : entry.getValue().consumers()) {
        String name = consumer + "-" + topic.replace('.', '-');
        expected.add(name);
        String where = "consumer " + consumer + " of " + topic + ": ";
        Optional<KafkaSource> found =
            sources.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
        if (found.isEmpty()) {
          problems.add(where + "no KafkaSource " + name);
          continue;
        }
        var spec = found.get().getSpec();
        if (!consumer.equals(spec.getConsumerGroup())) {
          problems.add(where + "consumerGroup must be " + consumer);
        }
        if (!List.of(topic).equals(spec.getTopics())) {
          problems.add(where + "topics must be [" + topic + "]");
        }
        if (!refersTo(spec.getSink(), "Service", services, consumer)
            || !"/events".equals(uri(spec.getSink()))) {
          problems.add(where + "sink must be Service " + consumer + " (existing) with uri /events");
        }
        var delivery = spec.getDelivery();
        if (delivery == null
            || delivery.getRetry() == null
            || delivery.getRetry() < 1
            || delivery.getRetry() > 20) {
          problems.add(where + "delivery.retry must be 1..20");
        }
        String dltTopic = Catalog.deadLetterTopic(topic, consumer);
        Destination dls = delivery == null ? null : delivery.getDeadLetterSink();
        Optional<KafkaSink> sink =
            m.all(KafkaSink.class).stream()
                .filter(
                    k ->
                        dls != null
                            && dls.getRef() != null
                            && k.getMetadata().getName().equals(dls.getRef().getName()))
                .filter(k -> "KafkaSink".equals(dls.getRef().getKind()))
                .findFirst();
        if (sink.isEmpty()) {
          problems.add(where + "deadLetterSink must reference a KafkaSink that exists");
        } else if (!dltTopic.equals(sink.get().getSpec().getTopic())) {
          problems.add(where + "dead-letter KafkaSink must write to " + dltTopic);
        }
      }
    }
    sources.stream()
        .map(s -> s.getMetadata().getName())
        .filter(n -> !expected.contains(n))
        .forEach(
            n -> problems.add("KafkaSource " + n + " is not a consumer declared in topics.yaml"));
    return problems;
  }

  private static boolean refersTo(Destination d, String kind, Set<String> existing, String name) {
    return d != null
        && d.getRef() != null
        && kind.equals(d.getRef().getKind())
        && name.equals(d.getRef().getName())
        && existing.contains(name);
  }

  private static String uri(Destination d) {
    return d == null ? null : d.getUri();
  }

  static Set<String> names(List<? extends io.fabric8.kubernetes.api.model.HasMetadata> objects) {
    return objects.stream()
        .map(o -> o.getMetadata().getName())
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }
}
