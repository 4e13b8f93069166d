package dev.surge.guard;

import dev.surge.model.problem.Problem;
import dev.surge.model.problem.ProblemType;
import jakarta.ws.rs.core.Response;

/** The guard's own answers, problem+json like every other error (shared-web maps the rest). */
final class Problems {
  private Problems() {}

  static Response.ResponseBuilder of(ProblemType type, String detail) {
    return Response.status(type.status())
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem(type, detail));
  }

  static String problemJson(ProblemType type, String detail) {
    // Hand-written for the shed path, which answers before Jackson is reachable (a Vert.x route).
    return "{\"type\":\""
        + type.uri()
        + "\",\"title\":\""
        + type.title()
        + "\",\"status\":"
        + type.status()
        + ",\"detail\":\""
        + detail
        + "\"}";
  }
}
