package dev.surge.model.problem;

import java.util.List;
import java.util.Map;

/**
 * The one exception a service throws to answer with a problem document. It carries no stack trace:
 * it is an expected outcome (a duplicate, an unknown id), not a bug.
 */
public class ProblemException extends RuntimeException {
  private final Problem problem;
  private final Map<String, String> headers;

  public ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  public ProblemException(ProblemType type, String detail) {
    this(new Problem(type, detail), Map.of());
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        new Problem(
            ProblemType.VALIDATION,
            "One or more fields are invalid",
            List.of(new Problem.Violation(field, message))),
        Map.of());
  }

  public static ProblemException malformed(String detail) {
    return new ProblemException(ProblemType.MALFORMED_REQUEST, detail);
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(ProblemType.CONFLICT, detail);
  }

  public static ProblemException unauthenticated(String detail) {
    return new ProblemException(
        new Problem(ProblemType.UNAUTHENTICATED, detail), Map.of("WWW-Authenticate", "Bearer"));
  }

  /** A dependency is down: the client may retry after {@code retryAfterSeconds}. */
  public static ProblemException unavailable(String detail, int retryAfterSeconds) {
    return new ProblemException(
        new Problem(ProblemType.UNAVAILABLE, detail),
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
