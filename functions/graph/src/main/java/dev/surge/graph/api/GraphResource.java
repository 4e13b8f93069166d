package dev.surge.graph.api;

import dev.surge.graph.config.GraphConfig;
import dev.surge.graph.domain.GraphService;
import dev.surge.model.problem.ProblemException;
import dev.surge.web.ConditionalGets;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The follow graph. Writes are the caller's own edges ({@code {id}} must be the token's user) and
 * idempotent: PUT twice is one edge, DELETE of a missing edge is fine. Lists and counts are public.
 */
@Path("/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class GraphResource {
  // Lists and counts change with every follow: a CDN may keep them briefly, then revalidates.
  private static final String SHORT_LIVED = "public, max-age=5, must-revalidate";

  private final GraphService graph;
  private final GraphConfig config;
  private final JsonWebToken caller;

  public GraphResource(GraphService graph, GraphConfig config, JsonWebToken caller) {
    this.graph = graph;
    this.config = config;
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

  /** Who the user follows, newest first; {@code cursor} pages on. */
  @GET
  @Path("/following")
  public Uni<Response> following(
      @PathParam("id") String id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @Context Request request) {
    return list(true, id, cursor, limit, request);
  }

  /** Who follows the user, newest first; {@code cursor} pages on. */
  @GET
  @Path("/followers")
  public Uni<Response> followers(
      @PathParam("id") String id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @Context Request request) {
    return list(false, id, cursor, limit, request);
  }

  // Two plain paths rather than one {list: following|followers} regex template: the route table and
  // the OpenAPI document name each operation once.
  private Uni<Response> list(
      boolean following, String id, String cursor, String limit, Request request) {
    long user = userId(id);
    int size = Params.limit(limit, config.defaultPageSize(), config.maxPageSize());
    var page =
        following ? graph.following(user, cursor, size) : graph.followers(user, cursor, size);
    // An edge never changes, it only comes or goes: the edges shown and the cursor are the version.
    return page.map(
        p ->
            ConditionalGets.ok(
                request, ConditionalGets.version(p.items(), p.next()), p, SHORT_LIVED));
  }

  @GET
  @Path("/graph")
  public Uni<Response> counts(@PathParam("id") String id, @Context Request request) {
    return graph
        .counts(userId(id))
        .map(
            c ->
                ConditionalGets.ok(
                    request,
                    ConditionalGets.version(c.userId(), c.following(), c.followers()),
                    c,
                    SHORT_LIVED));
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
