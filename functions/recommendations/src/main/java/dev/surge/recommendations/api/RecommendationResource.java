package dev.surge.recommendations.api;

import dev.surge.recommendations.domain.RecommendationService;
import dev.surge.web.ConditionalGets;
import dev.surge.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {
  private final RecommendationService recommendations;
  private final JsonWebToken caller;

  public RecommendationResource(RecommendationService recommendations, JsonWebToken caller) {
    this.recommendations = recommendations;
    this.caller = caller;
  }

  /**
   * Who the caller might follow, prepared ahead from events; personal, so never shared-cached. The
   * tag is made of the suggestions themselves: the list carries no version of its own.
   */
  @GET
  @Path("/me")
  @Authenticated
  public Uni<Response> mine(@Context Request request) {
    long me = Params.callerId(caller.getSubject());
    return recommendations
        .forUser(me)
        .map(
            items ->
                ConditionalGets.ok(
                    request,
                    ConditionalGets.version(items.toArray()),
                    Map.of("items", items),
                    "private, max-age=60"));
  }
}
