package dev.surge.model.problem;

import java.net.URI;

/** The kinds of problem Surge reports. Adding one here is the only way to invent a new error. */
public enum ProblemType {
  VALIDATION(400, "validation", "The request is not valid"),
  MALFORMED_REQUEST(400, "malformed-request", "The request body cannot be read"),
  UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
  FORBIDDEN(403, "forbidden", "Not allowed"),
  NOT_FOUND(404, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
  CONFLICT(409, "conflict", "The resource already exists"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
  INTERNAL(500, "internal", "Internal error"),
  UNAVAILABLE(503, "unavailable", "Temporarily unavailable");

  private final int status;
  private final URI uri;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.uri = URI.create("urn:surge:problem:" + slug);
    this.title = title;
  }

  public int status() {
    return status;
  }

  public URI uri() {
    return uri;
  }

  public String title() {
    return title;
  }

  /** The type used for a bare HTTP status raised by the framework (404 route, 405, 415 ...). */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status && type != MALFORMED_REQUEST) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : VALIDATION;
  }
}
