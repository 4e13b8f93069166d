package dev.surge.model.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document: the only error body any Surge function returns.
 *
 * @param type a URI naming the kind of problem; clients switch on it, never on {@code title}
 * @param title a short human summary that is the same for every occurrence of {@code type}
 * @param status the HTTP status code, repeated here for clients that lose the status line
 * @param detail what went wrong in this occurrence, safe to show (never a class name or trace)
 * @param violations per-field problems for {@code 400} validation failures
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection
public record Problem(
    URI type, String title, int status, String detail, List<Violation> violations) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field: its JSON name and why it was rejected (the value is never echoed). */
  @RegisterForReflection
  public record Violation(String field, String message) {}

  public Problem(ProblemType type, String detail) {
    this(type.uri(), type.title(), type.status(), detail, List.of());
  }

  public Problem(ProblemType type, String detail, List<Violation> violations) {
    this(type.uri(), type.title(), type.status(), detail, List.copyOf(violations));
  }
}
