package dev.surge.testing.hostile;

import dev.surge.model.routes.Routes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One public operation as a hostile-input test drives it: a route of the table, the method, values
 * for its path variables that would be valid, the caller's token (null for public ones), the query
 * parameters it reads, and, for a body, the fields of a valid JSON object (string values; lists of
 * strings as {@code List}; whole numbers as {@code Number}). Cases mutate one thing at a time from
 * this valid request.
 */
public record Operation(
    Routes.Route route,
    String method,
    Map<String, String> pathValues,
    String token,
    boolean pagedList,
    Map<String, Object> body,
    java.util.Set<String> idFields) {

  public static Operation of(Routes.Route route, String method) {
    return new Operation(route, method, Map.of(), null, false, null, java.util.Set.of());
  }

  public Operation with(String variable, Object value) {
    Map<String, String> values = new LinkedHashMap<>(pathValues);
    values.put(variable, String.valueOf(value));
    return new Operation(route, method, values, token, pagedList, body, idFields);
  }

  public Operation token(String bearer) {
    return new Operation(route, method, pathValues, bearer, pagedList, body, idFields);
  }

  /** Reads {@code limit} and {@code cursor}. */
  public Operation paged() {
    return new Operation(route, method, pathValues, token, true, body, idFields);
  }

  public Operation body(Map<String, Object> fields) {
    return new Operation(route, method, pathValues, token, pagedList, Map.copyOf(fields), idFields);
  }

  /** Body fields whose strings are user ids (out-of-range numbers are tried on them). */
  public Operation ids(String... fields) {
    return new Operation(
        route, method, pathValues, token, pagedList, body, java.util.Set.of(fields));
  }

  /** The path with {@code overrides} in place of the valid values (already URL-encoded). */
  public String path(Map<String, String> overrides) {
    String path = route.path();
    for (String segment : route.segments()) {
      if (segment.startsWith("{")) {
        String name = segment.substring(1, segment.length() - 1);
        String value = overrides.getOrDefault(name, pathValues.get(name));
        if (value == null) {
          throw new IllegalStateException(route.path() + " needs a value for " + name);
        }
        path = path.replace(segment, value);
      }
    }
    return path;
  }

  public String name() {
    return method + " " + route.path();
  }
}
