package dev.surge.graph.api;

import dev.surge.graph.data.GraphRepository.Side;
import dev.surge.graph.domain.GraphService;
import dev.surge.model.problem.ProblemException;
import dev.surge.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The follow graph. Writes are the caller's own edges ({@code {id}} must be the token's user) and
 * idempotent: PUT twice is one edge, DELETE of a missing edge is fine. Lists and counts are public.
 */
@Path("/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class GraphResource {
  private final GraphService graph;
  private final JsonWebToken caller;

  public GraphResource(GraphService graph, JsonWebToken caller) {
    this.graph = graph;
    this.caller = caller;
  }

  @PUT
  @Path("/following/{target}")
  @Authenticated
  public Uni<Response> follow(@PathParam("id") String id, @PathParam("target") String target) {
    return graph.follow(self(id), userId(target)).map(done -> Response.noContent().build());
  }

  @DELETE
  @Path("/following/{target}")
  @Authenticated
  public Uni<Response> unfollow(@PathParam("id") String id, @PathParam("target") String target) {
    return graph.unfollow(self(id), userId(target)).map(done -> Response.noContent().build());
  }

  @GET
  @Path("/following")
  public Uni<Response> following(
      @PathParam("id") String id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return graph.list(Side.FOLLOWING, userId(id), cursor, limit).map(GraphResource::shortLived);
  }

  @GET
  @Path("/followers")
  public Uni<Response> followers(
      @PathParam("id") String id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return graph.list(Side.FOLLOWERS, userId(id), cursor, limit).map(GraphResource::shortLived);
  }

  @GET
  @Path("/graph")
  public Uni<Response> counts(@PathParam("id") String id) {
    return graph.counts(userId(id)).map(GraphResource::shortLived);
  }

  // Lists change with every follow: a CDN may keep them briefly and must revalidate (ETag) after.
  private static Response shortLived(Object body) {
    return Response.ok(body).header("Cache-Control", "public, max-age=5, must-revalidate").build();
  }

  private long self(String id) {
    long userId = userId(id);
    if (!Long.toString(userId).equals(caller.getSubject())) {
      throw ProblemException.forbidden("You can only change your own follows");
    }
    return userId;
  }

  private static long userId(String id) {
    return Params.idOr404(id, "No user with this id");
  }
}
