package dev.surge.graph.domain;

import dev.surge.graph.data.GraphReads.Edge;
import dev.surge.model.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The {@code next} of a newest-first list: the last edge shown, as its time in microseconds (what
 * the database keeps) and the other user's id. Opaque to clients (base64url), validated when it
 * comes back.
 */
final class Cursor {
  private Cursor() {}

  static String after(Edge last) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, last.at());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((micros + ":" + last.otherId()).getBytes(StandardCharsets.US_ASCII));
  }

  /** The edge a page continues after: null for the first page; a malformed cursor is a 400. */
  static Edge decode(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
      Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
      return new Edge(Long.parseLong(parts[1]), at);
    } catch (RuntimeException e) {
      throw ProblemException.invalid("cursor", "is not a cursor this API returned");
    }
  }
}
