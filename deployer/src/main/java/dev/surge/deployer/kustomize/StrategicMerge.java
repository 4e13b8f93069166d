package dev.surge.deployer.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of Kubernetes strategic-merge-patch semantics Surge's overlays rely on: maps merge key
 * by key, a null value deletes the key, lists whose items all carry a {@code name} (containers,
 * env, ports) merge item by item on that key, and every other list (args, traffic) is replaced
 * whole. No {@code $patch}/{@code $setElementOrder} directives.
 */
final class StrategicMerge {

  private StrategicMerge() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> metadata(Map<String, Object> obj) {
    return (Map<String, Object>) obj.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
  }

  @SuppressWarnings("unchecked")
  static void apply(Map<String, Object> target, Map<String, Object> patch) {
    for (var e : patch.entrySet()) {
      Object current = target.get(e.getKey());
      Object value = e.getValue();
      if (value == null) {
        target.remove(e.getKey());
      } else if (current instanceof Map<?, ?> cm && value instanceof Map<?, ?> pm) {
        apply((Map<String, Object>) cm, (Map<String, Object>) pm);
      } else if (current instanceof List<?> cl && value instanceof List<?> pl && byName(cl, pl)) {
        target.put(e.getKey(), mergeByName((List<Object>) cl, (List<Object>) pl));
      } else {
        target.put(e.getKey(), value);
      }
    }
  }

  private static boolean byName(List<?> a, List<?> b) {
    return !a.isEmpty() && named(a) && named(b);
  }

  private static boolean named(List<?> l) {
    return l.stream().allMatch(o -> o instanceof Map<?, ?> m && m.get("name") instanceof String);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> mergeByName(List<Object> current, List<Object> patch) {
    List<Object> out = new ArrayList<>(current);
    for (Object p : patch) {
      Map<String, Object> pm = (Map<String, Object>) p;
      Map<String, Object> match =
          out.stream()
              .map(o -> (Map<String, Object>) o)
              .filter(o -> o.get("name").equals(pm.get("name")))
              .findFirst()
              .orElse(null);
      if (match == null) {
        out.add(pm);
      } else {
        apply(match, pm);
      }
    }
    return out;
  }
}
