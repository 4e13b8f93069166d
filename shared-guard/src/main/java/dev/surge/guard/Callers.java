package dev.surge.guard;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is calling: the client's IP and, once verified, the token's subject. Limits and idempotency
 * records are keyed by them. The subject comes from the verified identity only: an unverified
 * token's claim would let anyone spend another user's bucket.
 */
@ApplicationScoped
public class Callers {
  private final CurrentVertxRequest request;
  private final CurrentIdentityAssociation identity;

  public Callers(CurrentVertxRequest request, CurrentIdentityAssociation identity) {
    this.request = request;
    this.identity = identity;
  }

  /**
   * The first hop of X-Forwarded-For (the entry sets it, replacing what the client sent), else the
   * peer address. Without an entry in front a client could choose its own bucket, which is why the
   * functions' ports are not public.
   */
  public String ip() {
    RoutingContext ctx = request.getCurrent();
    return ctx == null ? "unknown" : ip(ctx);
  }

  static String ip(RoutingContext ctx) {
    String forwarded = ctx.request().getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      int comma = forwarded.indexOf(',');
      String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
      // Bounded and plain, since it becomes part of a Redis key.
      if (!first.isEmpty() && first.length() <= 64 && first.matches("[0-9A-Fa-f:.]+")) {
        return first;
      }
    }
    return ctx.request().remoteAddress() == null
        ? "unknown"
        : ctx.request().remoteAddress().hostAddress();
  }

  /** "u:<subject>" for a verified caller, else "ip:<address>". */
  public Uni<String> userOrIp() {
    String ip = ip();
    return identity
        .getDeferredIdentity()
        .onFailure()
        .recoverWithNull()
        .map(id -> subject(id) == null ? "ip:" + ip : "u:" + subject(id));
  }

  private static String subject(SecurityIdentity id) {
    if (id == null || id.isAnonymous() || id.getPrincipal() == null) {
      return null;
    }
    String name = id.getPrincipal().getName();
    return name == null || name.length() > 64 ? null : name;
  }
}
