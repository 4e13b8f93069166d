package dev.surge.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the request id (X-Request-Id, set by the entry) and, for a verified caller, the user id in
 * the log context, so every line a request logs carries them (the JSON logs of prod and knative;
 * traceId and spanId come from OpenTelemetry). Only the verified subject is logged: an unverified
 * token's claim is the caller's word, and a token itself is never logged.
 */
public class LogContext {
  private static final Logger LOG = Logger.getLogger(LogContext.class);

  /** The request header the entry sets (and keeps when the client sent a sane one). */
  public static final String REQUEST_ID = "X-Request-Id";

  private final CurrentIdentityAssociation identity;

  public LogContext(CurrentIdentityAssociation identity) {
    this.identity = identity;
  }

  @ServerRequestFilter(preMatching = true)
  public Uni<Void> tag(ContainerRequestContext request) {
    String requestId = request.getHeaderString(REQUEST_ID);
    if (requestId != null && requestId.length() <= 64 && requestId.matches("[\\w.:-]+")) {
      MDC.put("requestId", requestId);
    }
    if (request.getHeaderString("Authorization") == null) {
      LOG.debugf("%s %s", request.getMethod(), request.getUriInfo().getPath());
      return Uni.createFrom().voidItem();
    }
    return identity
        .getDeferredIdentity()
        .onFailure()
        .recoverWithNull()
        .invoke(
            id -> {
              if (id != null && !id.isAnonymous() && id.getPrincipal() != null) {
                MDC.put("userId", subject(id));
              }
              // The path only: a query string may carry what should not be logged.
              LOG.debugf("%s %s", request.getMethod(), request.getUriInfo().getPath());
            })
        .replaceWithVoid();
  }

  private static String subject(SecurityIdentity id) {
    String name = id.getPrincipal().getName();
    return name == null || name.length() > 64 ? "?" : name;
  }
}
