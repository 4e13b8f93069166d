package dev.surge.feed.api;

import dev.surge.feed.domain.FeedConfig;
import dev.surge.feed.domain.FeedService;
import dev.surge.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's home timeline, newest first; {@code cursor} is the {@code next} of a page. */
@Path("/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {
  private final FeedService feed;
  private final FeedConfig config;
  private final JsonWebToken caller;

  public FeedResource(FeedService feed, FeedConfig config, JsonWebToken caller) {
    this.feed = feed;
    this.config = config;
    this.caller = caller;
  }

  /** Personal, so never stored by a shared cache; the ETag lets the app revalidate cheaply. */
  @GET
  @Authenticated
  public Uni<Response> home(
      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
    long me = Params.callerId(caller.getSubject());
    int size = Params.limit(limit, config.defaultPageSize(), config.maxPageSize());
    return feed.home(me, Params.idCursor(cursor), size)
        .map(page -> Response.ok(page).header("Cache-Control", "private, no-cache").build());
  }
}
