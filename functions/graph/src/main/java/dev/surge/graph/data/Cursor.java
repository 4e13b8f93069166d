package dev.surge.graph.data;

import dev.surge.model.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Position in a newest-first list: the last entry's time (microseconds) and id. Opaque to clients
 * (base64url), validated when it comes back.
 */
public record Cursor(long micros, long id) {
  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
  }

  /** Null for the first page; a malformed cursor is a 400 problem. */
  public static Cursor decode(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
      return new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (RuntimeException e) {
      throw ProblemException.invalid("cursor", "is not a cursor this API returned");
    }
  }
}
