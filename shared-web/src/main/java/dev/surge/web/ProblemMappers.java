package dev.surge.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.surge.model.problem.Problem;
import dev.surge.model.problem.ProblemException;
import dev.surge.model.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Every exception a Surge function can raise becomes an RFC 9457 document here, in one place. The
 * mappers run at a higher priority than the framework's own, so no default HTML, plain text or
 * stack trace ever reaches a client.
 */
public final class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private ProblemMappers() {}

  static Response respond(Problem problem, Map<String, String> headers) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    headers.forEach(builder::header);
    return builder.build();
  }

  static Response respond(ProblemType type, String detail) {
    return respond(new Problem(type, detail), Map.of());
  }

  static Response unauthenticated() {
    return respond(
        new Problem(ProblemType.UNAUTHENTICATED, "A valid bearer token is required"),
        Map.of("WWW-Authenticate", "Bearer"));
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class Thrown implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException e) {
      return respond(e.problem(), e.headers());
    }
  }

  /** Bean Validation on a resource parameter: 400 with one violation per field. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<Problem.Violation> violations =
          e.getConstraintViolations().stream()
              .map(v -> new Problem.Violation(fieldName(v), v.getMessage()))
              .sorted(Comparator.comparing(Problem.Violation::field))
              .toList();
      return respond(
          new Problem(ProblemType.VALIDATION, "One or more fields are invalid", violations),
          Map.of());
    }

    /** The last node of "signup.request.email" is the JSON field the client sent. */
    private static String fieldName(ConstraintViolation<?> violation) {
      String name = "body";
      for (Path.Node node : violation.getPropertyPath()) {
        if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
            || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
          name = node.getName();
        }
      }
      return name.startsWith("arg") || name.equals("request") ? "body" : name;
    }
  }

  /** Unreadable JSON: 400, naming the offending field when Jackson knows it. */
  static Response malformed(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."));
      if (e instanceof StrictJson.BadText) {
        // Readable JSON, unacceptable text: a validation problem with the reason, not the value.
        return respond(
            new Problem(
                ProblemType.VALIDATION,
                "One or more fields are invalid",
                List.of(new Problem.Violation(field, e.getOriginalMessage()))),
            Map.of());
      }
      return respond(
          new Problem(
              ProblemType.MALFORMED_REQUEST,
              "The field has the wrong type or is not allowed",
              List.of(new Problem.Violation(field, "wrong type or unknown field"))),
          Map.of());
    }
    return respond(
        ProblemType.MALFORMED_REQUEST, "The body is not valid JSON of the expected shape");
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class Json implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return malformed(e);
    }
  }

  /** Wrong types and unknown fields; the framework maps this subtype itself unless we do. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class JsonShape implements ExceptionMapper<MismatchedInputException> {
    @Override
    public Response toResponse(MismatchedInputException e) {
      return malformed(e);
    }
  }

  /** Framework-raised statuses (404, 405, 406, 415, 413 ...) keep their status and headers. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      ProblemType type = ProblemType.forStatus(status);
      Map<String, String> headers =
          e.getResponse().getHeaders().entrySet().stream()
              .filter(h -> h.getKey().equalsIgnoreCase("Allow"))
              .collect(
                  Collectors.toMap(Map.Entry::getKey, h -> h.getValue().getFirst().toString()));
      Problem problem = new Problem(type.uri(), type.title(), status, type.title(), List.of());
      return respond(problem, headers);
    }
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class Unauthenticated implements ExceptionMapper<UnauthorizedException> {
    @Override
    public Response toResponse(UnauthorizedException e) {
      return unauthenticated();
    }
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class BadCredentials implements ExceptionMapper<AuthenticationFailedException> {
    @Override
    public Response toResponse(AuthenticationFailedException e) {
      return unauthenticated();
    }
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class Forbidden implements ExceptionMapper<ForbiddenException> {
    @Override
    public Response toResponse(ForbiddenException e) {
      return respond(ProblemType.FORBIDDEN, "This operation is not allowed for the caller");
    }
  }

  /**
   * A dependency call that ran past its own timeout (every Redis and PostgreSQL call on a request
   * path has one): the dependency is slow, not the request wrong, so 503 and retry soon.
   */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class Timeout implements ExceptionMapper<io.smallrye.mutiny.TimeoutException> {
    @Override
    public Response toResponse(io.smallrye.mutiny.TimeoutException e) {
      LOG.debugf("A dependency timed out: %s", e.toString());
      return respond(
          new Problem(ProblemType.UNAVAILABLE, "A dependency did not answer in time; retry"),
          Map.of("Retry-After", "1"));
    }
  }

  /** A bug: log it with an id the client can quote, answer 500 without any internals. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      String errorId = UUID.randomUUID().toString();
      LOG.errorf(e, "Unhandled error %s", errorId);
      return respond(ProblemType.INTERNAL, "Unexpected error; reference " + errorId);
    }
  }
}
