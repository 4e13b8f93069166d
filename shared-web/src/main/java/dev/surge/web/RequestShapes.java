package dev.surge.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.model.problem.Problem;
import dev.surge.model.problem.ProblemType;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Requests refused before any resource reads them, each with a problem document: a request target
 * longer than {@link WebConfig#maxUriLength()} (414; Vert.x's own 414 for lines past
 * quarkus.http.limits.max-initial-line-length has no body and cannot be hooked), and a body sent
 * without a Content-Type (415: JAX-RS would otherwise guess JSON for it).
 */
@Singleton
public class RequestShapes {

  void install(@Observes Router router, WebConfig config, ObjectMapper json)
      throws JsonProcessingException {
    String tooLong =
        json.writeValueAsString(
            new Problem(
                ProblemType.URI_TOO_LONG,
                "The request target may be at most " + config.maxUriLength() + " characters"));
    String noType =
        json.writeValueAsString(
            new Problem(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "A request body needs a Content-Type; this API reads application/json"));
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              HttpServerRequest request = ctx.request();
              if (request.uri().length() > config.maxUriLength()) {
                refuse(ctx, 414, tooLong);
              } else if (hasBody(request) && request.getHeader("Content-Type") == null) {
                refuse(ctx, 415, noType);
              } else {
                ctx.next();
              }
            });
  }

  private static boolean hasBody(HttpServerRequest request) {
    HttpMethod method = request.method();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
      return false;
    }
    String length = request.getHeader("Content-Length");
    return request.getHeader("Transfer-Encoding") != null
        || (length != null && !length.trim().equals("0"));
  }

  private static void refuse(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
  }
}
