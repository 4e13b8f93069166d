package dev.surge.deployer;

import dev.surge.deployer.kustomize.KustomizeException;
import dev.surge.deployer.kustomize.Renderer;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rendered overlay (knative/overlays/dev or prod). A function's objects are its Service plus
 * everything labelled {@code surge.dev/function=<fn>} (its KafkaSources and dead-letter
 * KafkaSinks), so deploying a function brings its event wiring along.
 */
public final class Overlay {

  public static final String FUNCTION_LABEL = "surge.dev/function";

  private final Path dir;
  private final List<Map<String, Object>> objects;
  private final KubernetesSerialization serialization = new KubernetesSerialization();

  private Overlay(Path dir, List<Map<String, Object>> objects) {
    this.dir = dir;
    this.objects = objects;
  }

  public static Overlay render(Path dir) {
    try {
      return new Overlay(dir, new Renderer().render(dir));
    } catch (KustomizeException | java.io.UncheckedIOException e) {
      throw DeployerException.usage("cannot render overlay " + dir + ": " + e.getMessage());
    }
  }

  public Service service(String fn) {
    return objects.stream()
        .filter(o -> "serving.knative.dev/v1".equals(o.get("apiVersion")))
        .filter(o -> "Service".equals(o.get("kind")))
        .filter(o -> fn.equals(name(o)))
        .findFirst()
        .map(o -> serialization.convertValue(o, Service.class))
        .orElseThrow(
            () -> DeployerException.usage("overlay " + dir + " has no Service '" + fn + "'"));
  }

  /**
   * Non-Service objects of the function, typed where the fabric8 model knows the kind. The
   * manifests cannot know an environment's brokers (Terraform creates them), so {@code
   * spec.bootstrapServers} of every KafkaSource and KafkaSink is replaced by {@code kafkaBrokers};
   * without them a manifest that still names the {@code .invalid} placeholder is refused, since
   * applied it would never deliver an event.
   */
  public List<HasMetadata> companions(String fn, List<String> kafkaBrokers) {
    return objects.stream()
        .filter(o -> !"Service".equals(o.get("kind")))
        .filter(o -> fn.equals(labels(o).get(FUNCTION_LABEL)))
        .map(o -> withBrokers(o, kafkaBrokers))
        .map(o -> (HasMetadata) serialization.unmarshal(serialization.asJson(o)))
        .toList();
  }

  private static Map<String, Object> withBrokers(Map<String, Object> o, List<String> brokers) {
    if (!(o.get("spec") instanceof Map<?, ?> spec) || !spec.containsKey("bootstrapServers")) {
      return o;
    }
    var copy = new LinkedHashMap<>(o);
    var newSpec = new LinkedHashMap<Object, Object>(spec);
    if (!brokers.isEmpty()) {
      newSpec.put("bootstrapServers", brokers);
    } else if (String.valueOf(spec.get("bootstrapServers")).contains(".invalid")) {
      throw DeployerException.usage(
          o.get("kind")
              + " "
              + name(o)
              + " names placeholder brokers; pass --kafka-brokers"
              + " (terraform output -raw kafka_bootstrap_brokers)");
    }
    copy.put("spec", newSpec);
    return copy;
  }

  private static Object name(Map<String, Object> o) {
    return o.get("metadata") instanceof Map<?, ?> m ? m.get("name") : null;
  }

  private static Map<?, ?> labels(Map<String, Object> o) {
    return o.get("metadata") instanceof Map<?, ?> m && m.get("labels") instanceof Map<?, ?> l
        ? l
        : Map.of();
  }
}
