package dev.surge.feed.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.feed.config.FeedConfig;
import dev.surge.feed.domain.FeedService;
import dev.surge.web.ConditionalGets;
import dev.surge.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's home timeline, newest first; {@code cursor} is the {@code next} of a page. */
@Path("/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {
  private final FeedService feed;
  private final FeedConfig config;
  private final JsonWebToken caller;
  private final ObjectMapper json;

  public FeedResource(FeedService feed, FeedConfig config, JsonWebToken caller, ObjectMapper json) {
    this.feed = feed;
    this.config = config;
    this.caller = caller;
    this.json = json;
  }

  /**
   * Personal, so never stored by a shared cache; the ETag lets the app revalidate cheaply. A page
   * has no version of its own (an author card may change under the same post ids), so the tag is a
   * hash of the JSON.
   */
  @GET
  @Authenticated
  public Uni<Response> home(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @Context Request request) {
    long me = Params.callerId(caller.getSubject());
    int size = Params.limit(limit, config.defaultPageSize(), config.maxPageSize());
    return feed.home(me, Params.idCursor(cursor), size)
        .map(
            page ->
                ConditionalGets.ok(
                    request, ConditionalGets.content(json, page), page, ConditionalGets.PRIVATE));
  }
}
