package dev.surge.testing.hostile;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** JSON text pieces the cases splice into otherwise valid bodies. */
final class JsonText {
  private JsonText() {}

  static String escape(String text) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(text));
  }

  static String quoted(String text) {
    return "\"" + escape(text) + "\"";
  }

  /** A JSON array of {@code count} copies of {@code element}. */
  static String array(String element, int count) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",").append(quoted(element));
    }
    return out.append(']').toString();
  }
}
