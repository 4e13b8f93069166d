package dev.surge.web;

import dev.surge.model.ids.SurgeIds;
import dev.surge.model.problem.ProblemException;

/** Request parameters every function reads the same way, with the same problem answers. */
public final class Params {
  private Params() {}

  /** A Surge id from a path; anything else names nothing, so 404 with {@code detail}. */
  public static long idOr404(String text, String detail) {
    return SurgeIds.parse(text).orElseThrow(() -> ProblemException.notFound(detail));
  }

  /**
   * The caller's user id from a verified token's subject. A token that names no user cannot
   * authenticate anyone: 401.
   */
  public static long callerId(String subject) {
    return SurgeIds.parse(subject)
        .orElseThrow(() -> ProblemException.unauthenticated("The token names no user"));
  }

  /**
   * A page size from the query string: the default when absent, else only ASCII digits (no sign, no
   * fraction, no other script's digits) from 1 up, clamped to {@code max}; anything else is 400 (a
   * JAX-RS {@code Integer} parameter would make a bad number a 404).
   */
  public static int limit(String requested, int byDefault, int max) {
    if (requested == null) {
      return byDefault;
    }
    if (requested.isEmpty() || requested.length() > 10) {
      throw badLimit(requested.isEmpty());
    }
    long size = 0;
    for (int i = 0; i < requested.length(); i++) {
      char c = requested.charAt(i);
      if (c < '0' || c > '9') {
        throw badLimit(false);
      }
      size = size * 10 + (c - '0');
    }
    if (size < 1) {
      throw ProblemException.invalid("limit", "must be at least 1");
    }
    if (size > Integer.MAX_VALUE) {
      throw badLimit(false); // not a 32-bit number: a client bug, not a request for "all"
    }
    return (int) Math.min(size, max);
  }

  private static ProblemException badLimit(boolean empty) {
    return ProblemException.invalid(
        "limit", empty ? "must not be empty" : "must be a whole number from 1 up");
  }

  /**
   * An id cursor (the last id of the previous page, newest-first lists): everything below it, or
   * everything when absent. Not an id: 400.
   */
  public static long idCursor(String cursor) {
    if (cursor == null) {
      return Long.MAX_VALUE;
    }
    return SurgeIds.parse(cursor)
        .orElseThrow(() -> ProblemException.invalid("cursor", "is not a cursor this API returned"));
  }
}
