package dev.surge.testing.hostile;

import static dev.surge.testing.hostile.HostileInputs.concat;
import static dev.surge.testing.hostile.HostileInputs.json;
import static dev.surge.testing.hostile.HostileInputs.utf8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The body half of the table: the document, its media type, then every field one at a time. */
final class BodyCases {
  /** JSON text put in place of a field's value (wrong types and out-of-range ids). */
  private static final List<String> WRONG_TYPES =
      List.of("12345", "true", "1.5", "{\"x\":\"y\"}", "[[]]", "-0");

  /**
   * JSON put in place of a whole-number field (a {@link Number} in the operation's body): other
   * types, fractions, and numbers past 2^63-1. Any whole number may be valid for some field, so
   * none is tried here; range checks belong to the function's own tests.
   */
  private static final List<String> WRONG_NUMBERS =
      List.of(
          "true",
          "1.5",
          "1e3",
          "{\"x\":\"y\"}",
          "[[]]",
          "[1]",
          "9223372036854775808",
          "99999999999999999999999");

  private static final List<String> BAD_ID_STRINGS =
      List.of(
          "\"-1\"",
          "\"9223372036854775808\"",
          "\"+123\"",
          "\"\\u0661\\u0662\"",
          "\"\\uFF11\\uFF12\"",
          "\"0\"",
          "\"1.5\"");

  /** Escapes inside a JSON string: NUL, other C0 and C1 controls, lone surrogates. */
  private static final List<String> BAD_ESCAPES =
      List.of("\\u0000", "\\u0007", "\\u001b", "\\u0085", "\\ud800", "\\udfff", "\\udc00\\ud800");

  /**
   * Raw bytes inside a JSON string that are not UTF-8 (the last two: a surrogate, NUL, overlong).
   */
  private static final List<byte[]> BAD_BYTES =
      List.of(
          new byte[] {(byte) 0xFF},
          new byte[] {(byte) 0xC3, (byte) 0x28},
          new byte[] {(byte) 0x80},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0xC0, (byte) 0x80},
          new byte[] {0x01});

  private BodyCases() {}

  static void add(Operation op, List<HostileCase> cases) {
    String path = op.path(Map.of());
    byte[] valid = json(op.body());
    Set<Integer> bad = Set.of(400);
    for (String text :
        List.of("{", "{\"a\":", "not json", "{'a':'b'}", "[]", "null", "\"x\"", "{}}", "\u0000")) {
      cases.add(raw(op, "malformed " + text, path, "application/json", utf8(text), bad));
    }
    for (String tail : List.of("{}", "garbage", ",", "[]", "\"x\"", "null")) {
      cases.add(
          raw(op, "trailing " + tail, path, "application/json", concat(valid, utf8(tail)), bad));
    }
    cases.add(raw(op, "no Content-Type", path, null, valid, Set.of(415)));
    for (String type :
        List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "foo/bar")) {
      cases.add(raw(op, "Content-Type " + type, path, type, valid, Set.of(415)));
    }
    for (String field : op.body().keySet()) {
      fieldCases(op, field, path, cases);
    }
  }

  private static void fieldCases(Operation op, String field, String path, List<HostileCase> cases) {
    Object valid = op.body().get(field);
    boolean list = valid instanceof List<?>;
    String sample = list ? String.valueOf(((List<?>) valid).getFirst()) : String.valueOf(valid);
    // 413 too: an over-long value can make the whole body pass the size limit first.
    Set<Integer> bad = Set.of(400, 413);
    // A number field: a string in its place is the wrong type (the text cases below are strings).
    List<String> replacements =
        new ArrayList<>(valid instanceof Number ? WRONG_NUMBERS : WRONG_TYPES);
    if (valid instanceof Number) {
      replacements.add("\"" + sample + "\"");
    }
    if (list) {
      replacements.addAll(List.of("\"" + sample + "\"", "[1]", "[true]", "[null]", "[{}]"));
      replacements.add(JsonText.array(sample, 500));
    }
    if (op.idFields().contains(field)) {
      for (String id : BAD_ID_STRINGS) {
        replacements.add(list ? "[" + id + "]" : id);
      }
    }
    for (int length : new int[] {3_000, 12_000}) {
      String longText = JsonText.quoted(sample.repeat(length / Math.max(1, sample.length()) + 1));
      replacements.add(list ? "[" + longText + "]" : longText);
    }
    for (String escape : BAD_ESCAPES) {
      String text = "\"" + JsonText.escape(sample) + escape + "\"";
      replacements.add(list ? "[" + text + "]" : text);
    }
    for (String replacement : replacements) {
      cases.add(
          raw(
              op,
              field + " = " + shorten(replacement),
              path,
              "application/json",
              with(op, field, utf8(replacement)),
              bad));
    }
    for (byte[] bytes : BAD_BYTES) {
      byte[] value =
          concat(
              utf8(list ? "[\"" : "\""),
              utf8(JsonText.escape(sample)),
              bytes,
              utf8(list ? "\"]" : "\""));
      cases.add(
          raw(
              op,
              field + " with raw bytes " + hex(bytes),
              path,
              "application/json",
              with(op, field, value),
              bad));
    }
  }

  /** The valid body with {@code field}'s value replaced by the given JSON bytes. */
  private static byte[] with(Operation op, String field, byte[] valueJson) {
    String marker = "__HOSTILE__";
    Map<String, Object> fields = new LinkedHashMap<>(op.body());
    fields.put(field, marker);
    String text = new String(json(fields), java.nio.charset.StandardCharsets.UTF_8);
    int at = text.indexOf("\"" + marker + "\"");
    return concat(
        utf8(text.substring(0, at)), valueJson, utf8(text.substring(at + marker.length() + 2)));
  }

  private static HostileCase raw(
      Operation op, String what, String path, String type, byte[] body, Set<Integer> statuses) {
    return new HostileCase(
        op.name() + ": " + what, op.method(), path, type, body, op.token(), statuses);
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }
}
