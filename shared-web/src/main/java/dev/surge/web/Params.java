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

  /** A page size: the default when absent, 400 below 1, clamped to {@code max}. */
  public static int limit(Integer requested, int byDefault, int max) {
    int size = requested == null ? byDefault : requested;
    if (size < 1) {
      throw ProblemException.invalid("limit", "must be at least 1");
    }
    return Math.min(size, max);
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
