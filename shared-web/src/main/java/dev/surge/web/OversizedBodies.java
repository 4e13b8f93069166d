package dev.surge.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.model.problem.Problem;
import dev.surge.model.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vert.x refuses a body over {@code quarkus.http.limits.max-body-size} with an empty 413 before any
 * JAX-RS mapper runs. This route runs first and answers a declared-too-large body with a problem
 * document instead (a chunked body without Content-Length still gets the bare 413).
 */
@Singleton
public class OversizedBodies {

  void install(
      @Observes Router router,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
          MemorySize limit,
      ObjectMapper json)
      throws JsonProcessingException {
    Problem problem =
        new Problem(
            ProblemType.PAYLOAD_TOO_LARGE,
            "The body may be at most " + limit.asLongValue() + " bytes");
    String body = json.writeValueAsString(problem);
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String declared = ctx.request().getHeader("Content-Length");
              if (declared != null && isOver(declared, limit.asLongValue())) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE);
                ctx.response().putHeader("Connection", "close");
                ctx.response().end(body);
                return;
              }
              ctx.next();
            });
  }

  private static boolean isOver(String declared, long limit) {
    try {
      return Long.parseLong(declared.trim()) > limit;
    } catch (NumberFormatException e) {
      return false; // Vert.x rejects a malformed Content-Length itself
    }
  }
}
