package dev.surge.knative;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.surge.deployer.kustomize.Renderer;
import io.fabric8.knative.eventing.v1alpha1.KafkaSink;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1beta1.KafkaSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rendered overlay as typed fabric8 objects.
 *
 * <p>fabric8 model classes swallow unknown fields into {@code additionalProperties} through a
 * Jackson any-setter, so FAIL_ON_UNKNOWN_PROPERTIES alone never fires. The introspector below
 * switches every any-setter off: a misspelt or misplaced field becomes a parse error with its path.
 */
final class Manifests {

  /** The only kinds Surge's Knative manifests may contain. */
  static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "serving.knative.dev/v1/Service", Service.class,
          "sources.knative.dev/v1beta1/KafkaSource", KafkaSource.class,
          "eventing.knative.dev/v1alpha1/KafkaSink", KafkaSink.class);

  static final ObjectMapper STRICT =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .setAnnotationIntrospector(
              new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                  return false;
                }
              });

  final List<Map<String, Object>> raw;
  final List<HasMetadata> typed = new ArrayList<>();
  final List<String> problems = new ArrayList<>();

  private Manifests(List<Map<String, Object>> raw) {
    this.raw = raw;
    for (Map<String, Object> obj : raw) {
      String gvk = obj.get("apiVersion") + "/" + obj.get("kind");
      Class<? extends HasMetadata> type = KINDS.get(gvk);
      if (type == null) {
        problems.add(gvk + " is not a kind the Knative manifests may contain");
        continue;
      }
      try {
        typed.add(STRICT.convertValue(obj, type));
      } catch (IllegalArgumentException e) {
        problems.add(gvk + " " + name(obj) + ": " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
  }

  static Manifests render(Path overlay) {
    return new Manifests(new Renderer().render(overlay));
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return typed.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static Object name(Map<String, Object> obj) {
    return obj.get("metadata") instanceof Map<?, ?> m ? m.get("name") : "?";
  }
}
