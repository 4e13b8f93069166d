package dev.surge.deployer.entry;

import dev.surge.model.problem.ProblemType;
import java.util.List;

/**
 * The errors an entry answers itself, as RFC 9457 documents of the same shape as shared-model's
 * {@code Problem}: clients see one error format whether the entry or a function refused them.
 */
public final class EntryProblems {

  /** One error page: status, problem type URI, title and a detail safe to show. */
  public record Page(int status, String type, String title, String detail) {
    /** The problem+json body, one line. */
    public String json() {
      return "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
          .formatted(type, title, status, detail);
    }
  }

  /** Every status the entry may produce on its own, never one a function sent. */
  public static final List<Page> PAGES =
      List.of(
          own(400, "bad-request", "Bad request", "The request cannot be parsed"),
          of(ProblemType.NOT_FOUND, "No public route has this path"),
          of(ProblemType.METHOD_NOT_ALLOWED, "This path does not serve the method; see Allow"),
          of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the entry accepts"),
          of(ProblemType.URI_TOO_LONG, "Shorten the URI"),
          of(ProblemType.TOO_MANY_REQUESTS, "Too many requests from this address; see Retry-After"),
          own(500, "internal", "Internal error", "The entry failed"),
          own(502, "bad-gateway", "Bad gateway", "The function behind this path is not answering"),
          of(ProblemType.UNAVAILABLE, "The function behind this path is not available"),
          own(504, "gateway-timeout", "Gateway timeout", "The function did not answer in time"));

  private EntryProblems() {}

  private static Page of(ProblemType t, String detail) {
    return new Page(t.status(), t.uri().toString(), t.title(), detail);
  }

  // Statuses only an entry produces have no ProblemType; their URIs follow the same scheme.
  private static Page own(int status, String slug, String title, String detail) {
    return new Page(status, "urn:surge:problem:" + slug, title, detail);
  }
}
