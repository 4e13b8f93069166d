package dev.surge.guard;

import dev.surge.model.problem.ProblemType;
import dev.surge.model.routes.Routes;
import dev.surge.model.routes.Routes.Route;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Applies each public route's kill switch and limit class from {@code surge/routes.yaml}, so no
 * resource carries guard code. A request that matches no public route (internal paths, /q/*) is not
 * limited here.
 */
public class GuardFilters {
  static final String ROUTE = "surge.guard.route";
  private static final String DECISION = "surge.guard.decision";

  private final GuardConfig config;
  private final Switches switches;
  private final RateLimiter limiter;
  private final Callers callers;

  public GuardFilters(GuardConfig config, Switches switches, RateLimiter limiter, Callers callers) {
    this.config = config;
    this.switches = switches;
    this.limiter = limiter;
    this.callers = callers;
  }

  /** Switch first (a switched-off operation costs no token), then the limit. */
  @ServerRequestFilter(priority = 900)
  public Uni<Response> guard(ContainerRequestContext request) {
    Route route = Routes.match(request.getMethod(), request.getUriInfo().getPath()).orElse(null);
    if (route == null) {
      return Uni.createFrom().nullItem();
    }
    request.setProperty(ROUTE, route);
    if (route.killSwitch() != null && switches.on(route.killSwitch())) {
      return Uni.createFrom()
          .item(
              Problems.of(
                      ProblemType.UNAVAILABLE,
                      "This operation is switched off for now; reads keep working")
                  .header("Retry-After", Integer.toString(config.switches().retryAfterSeconds()))
                  .build());
    }
    GuardConfig.Limit limit = route.limit() == null ? null : config.limits().get(route.limit());
    if (!config.enabled() || limit == null) {
      return Uni.createFrom().nullItem();
    }
    Uni<String> caller =
        limit.key() == GuardConfig.Limit.Key.IP
            ? Uni.createFrom().item("ip:" + callers.ip())
            : callers.userOrIp();
    return caller
        .chain(who -> limiter.take(route.limit(), limit, who))
        .map(
            decision -> {
              request.setProperty(DECISION, decision);
              return decision.allowed() ? null : tooMany(decision, limit);
            });
  }

  /** Every limited answer advertises its quota (draft-ietf-httpapi-ratelimit-headers). */
  @ServerResponseFilter
  public void advertise(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision
        && request.getProperty(ROUTE) instanceof Route route
        && config.limits().get(route.limit()) instanceof GuardConfig.Limit limit) {
      response.getHeaders().putSingle("RateLimit-Policy", policy(decision, limit));
      response.getHeaders().putSingle("RateLimit", remaining(decision));
    }
  }

  private static Response tooMany(RateLimiter.Decision decision, GuardConfig.Limit limit) {
    long retryAfter = Math.max(1, (decision.retryAfterMillis() + 999) / 1000);
    return Problems.of(
            ProblemType.TOO_MANY_REQUESTS,
            "Limit " + decision.limitClass() + " reached; retry after " + retryAfter + " s")
        .header("Retry-After", Long.toString(retryAfter))
        .header("RateLimit-Policy", policy(decision, limit))
        .header("RateLimit", remaining(decision))
        .build();
  }

  // RateLimit-Policy: "compose";q=30;w=60 — the quota q per window w seconds.
  private static String policy(RateLimiter.Decision d, GuardConfig.Limit limit) {
    return "\""
        + d.limitClass()
        + "\";q="
        + d.capacity()
        + ";w="
        + d.windowSeconds(limit.refillPerSecond());
  }

  // RateLimit: "compose";r=0;t=2 — r left now, t seconds until the quota is whole again.
  private static String remaining(RateLimiter.Decision d) {
    long reset = d.allowed() ? (d.resetMillis() + 999) / 1000 : (d.retryAfterMillis() + 999) / 1000;
    return "\"" + d.limitClass() + "\";r=" + d.remaining() + ";t=" + reset;
  }
}
