package dev.surge.deployer.kustomize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Kustomize directory the way {@code kubectl kustomize} does, for exactly the features
 * Surge's manifests use. No kustomize binary or Java port exists on Maven Central, and the deployer
 * must render overlays itself anyway (it applies one function's objects at a time).
 *
 * <p>Supported kustomization fields: {@code resources} (files and directories holding a
 * kustomization), {@code namespace}, and {@code patches} entries with only a {@code path} to a
 * strategic-merge patch that names its target by apiVersion/kind/metadata.name. Anything else fails
 * loudly instead of being silently ignored; see knative/README.md for the limits.
 */
public final class Renderer {

  private static final Set<String> SUPPORTED =
      Set.of("apiVersion", "kind", "resources", "namespace", "patches");
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  /** Renders {@code dir} and returns its objects in declaration order. */
  public List<Map<String, Object>> render(Path dir) {
    Path file = dir.resolve("kustomization.yaml");
    if (!Files.isRegularFile(file)) {
      throw new KustomizeException(dir + ": no kustomization.yaml");
    }
    Map<String, Object> k = readOne(file);
    for (String key : k.keySet()) {
      if (!SUPPORTED.contains(key)) {
        throw new KustomizeException(file + ": field '" + key + "' is not supported by Renderer");
      }
    }
    Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
    for (String entry : strings(k.get("resources"), file, "resources")) {
      Path p = dir.resolve(entry).normalize();
      List<Map<String, Object>> loaded = Files.isDirectory(p) ? render(p) : readAll(p);
      for (Map<String, Object> obj : loaded) {
        if (objects.putIfAbsent(id(obj), obj) != null) {
          throw new KustomizeException(file + ": duplicate object " + id(obj));
        }
      }
    }
    for (Object patch : list(k.get("patches"))) {
      applyPatch(dir, file, patch, objects);
    }
    if (k.get("namespace") instanceof String ns) {
      objects.values().stream()
          .filter(o -> !CLUSTER_SCOPED.contains(String.valueOf(o.get("kind"))))
          .forEach(o -> StrategicMerge.metadata(o).put("namespace", ns));
    }
    return new ArrayList<>(objects.values());
  }

  private void applyPatch(
      Path dir, Path file, Object entry, Map<String, Map<String, Object>> objects) {
    if (!(entry instanceof Map<?, ?> m) || m.size() != 1 || !(m.get("path") instanceof String p)) {
      throw new KustomizeException(file + ": only 'patches: - path: <file>' is supported");
    }
    for (Map<String, Object> patch : readAll(dir.resolve(p))) {
      Map<String, Object> target = objects.get(id(patch));
      if (target == null) {
        throw new KustomizeException(file + ": patch " + p + " targets missing " + id(patch));
      }
      StrategicMerge.apply(target, patch);
    }
  }

  /** Identity used for duplicates and patch targets: kustomize matches on GVK + name too. */
  static String id(Map<String, Object> obj) {
    return obj.get("apiVersion")
        + "/"
        + obj.get("kind")
        + "/"
        + StrategicMerge.metadata(obj).get("name");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> readAll(Path file) {
    try (var parser = yaml.createParser(file.toFile())) {
      List<Map<String, Object>> docs = new ArrayList<>();
      var it = yaml.readValues(parser, Map.class);
      while (it.hasNext()) {
        Map<String, Object> doc = it.next();
        if (doc != null && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  private Map<String, Object> readOne(Path file) {
    List<Map<String, Object>> docs = readAll(file);
    if (docs.size() != 1) {
      throw new KustomizeException(file + ": expected one YAML document");
    }
    return docs.get(0);
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  private static List<String> strings(Object value, Path file, String field) {
    List<String> out = new ArrayList<>();
    for (Object o : list(value)) {
      if (!(o instanceof String s)) {
        throw new KustomizeException(file + ": " + field + " entries must be strings");
      }
      out.add(s);
    }
    return out;
  }
}
