package dev.surge.testing.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.model.routes.Routes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hostile-input case table: for one {@link Operation}, every way a client can send something
 * wrong (issue 12, item 8). Each case changes one thing of a request that would otherwise be valid,
 * so its 4xx is that thing's answer. {@link HostileRunner} sends them and checks the answers.
 */
public final class HostileInputs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> ANY_4XX = Set.of();
  private static final List<String> BAD_IDS =
      List.of(
          "-1",
          "0",
          "007",
          "9223372036854775808",
          "99999999999999999999999",
          "%2B{valid}",
          "%EF%BC%91%EF%BC%92%EF%BC%93", // fullwidth 123
          "%D9%A1%D9%A2", // Arabic-Indic 12
          "1.5",
          "1e3",
          "0x10");
  private static final List<String> BAD_LIMITS =
      List.of("abc", "1.5", "2147483648", "99999999999", "-1", "0", "%2B5", "%EF%BC%95", "1e3");
  private static final List<String> BAD_CURSORS =
      List.of("garbage!!", "-5", "9223372036854775808", "%00", "%ED%A0%80", "%2B1");

  private HostileInputs() {}

  /** Every case for {@code op}. */
  public static List<HostileCase> cases(Operation op) {
    List<HostileCase> cases = new ArrayList<>();
    String path = op.path(Map.of());
    pathCases(op, cases);
    if (op.pagedList()) {
      for (String limit : BAD_LIMITS) {
        cases.add(plain(op, "limit=" + limit, path + "?limit=" + limit, Set.of(400)));
      }
      for (String cursor : BAD_CURSORS) {
        cases.add(plain(op, "cursor=" + cursor, path + "?cursor=" + cursor, Set.of(400)));
      }
    }
    for (int length : new int[] {5_000, 7_000}) {
      String uri = path + "?pad=" + "a".repeat(length);
      cases.add(plain(op, "URI of " + length + " characters", uri, Set.of(414)));
    }
    for (String method : unservedMethods(path)) {
      // A known method on a path whose other template serves it (GET /users/me is GET
      // /users/{id} with id "me") may be that route's 404; a method HTTP lacks is always 405.
      Set<Integer> statuses =
          method.equals("FOO") || method.equals("PROPFIND") ? Set.of(405) : Set.of(404, 405);
      cases.add(
          new HostileCase(
              op.name() + ": method " + method, method, path, null, null, op.token(), statuses));
    }
    if (op.body() != null) {
      BodyCases.add(op, cases);
    }
    return cases;
  }

  private static void pathCases(Operation op, List<HostileCase> cases) {
    for (String segment : op.route().segments()) {
      if (!segment.startsWith("{")) {
        continue;
      }
      String name = segment.substring(1, segment.length() - 1);
      for (String bad : BAD_IDS) {
        String value = bad.replace("{valid}", op.pathValues().get(name));
        cases.add(plain(op, name + "=" + value, op.path(Map.of(name, value)), Set.of(404)));
      }
      for (String raw : List.of("%00", "%ED%A0%80", "%FF")) {
        cases.add(plain(op, name + "=" + raw, op.path(Map.of(name, raw)), ANY_4XX));
      }
    }
  }

  /** Methods no route serves on this concrete path, plus methods HTTP does not define. */
  static Set<String> unservedMethods(String path) {
    Set<String> unserved = new TreeSet<>();
    for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "FOO", "PROPFIND")) {
      if (Routes.match(method, path).isEmpty()) {
        unserved.add(method);
      }
    }
    return unserved;
  }

  static HostileCase plain(Operation op, String what, String pathAndQuery, Set<Integer> statuses) {
    String type = op.body() != null ? "application/json" : null;
    byte[] body = op.body() != null ? json(op.body()) : null;
    return new HostileCase(
        op.name() + ": " + what, op.method(), pathAndQuery, type, body, op.token(), statuses);
  }

  static byte[] json(Map<String, Object> fields) {
    try {
      return JSON.writeValueAsBytes(new LinkedHashMap<>(fields));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
