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
  // Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the first request with this key
  // is still being processed.
  REQUEST_IN_FLIGHT(409, "request-in-flight", "A request with this Idempotency-Key is in progress"),
  // Flash sales and orders: why a purchase or a transition was refused.
  SOLD_OUT(409, "sold-out", "Sold out"),
  LIMIT_REACHED(409, "limit-reached", "The per-buyer limit of this sale is reached"),
  SALE_NOT_ACTIVE(409, "sale-not-active", "The sale is not active"),
  OUT_OF_STOCK(409, "out-of-stock", "Not enough stock"),
  INVALID_TRANSITION(409, "invalid-transition", "The order cannot make this transition"),
  PAYMENT_DECLINED(402, "payment-declined", "The payment was declined"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
  URI_TOO_LONG(414, "uri-too-long", "The request target is too long"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  // Idempotency-Key reused with another request (method, path or body).
  IDEMPOTENCY_KEY_REUSED(
      422, "idempotency-key-reused", "This Idempotency-Key was used for another request"),
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
