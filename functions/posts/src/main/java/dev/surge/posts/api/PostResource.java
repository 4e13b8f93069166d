package dev.surge.posts.api;

import dev.surge.model.posts.PostView;
import dev.surge.posts.config.PostsConfig;
import dev.surge.posts.domain.PostService;
import dev.surge.web.ConditionalGets;
import dev.surge.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {
  private final PostService posts;
  private final PostsConfig config;
  private final JsonWebToken caller;

  public PostResource(PostService posts, PostsConfig config, JsonWebToken caller) {
    this.posts = posts;
    this.config = config;
    this.caller = caller;
  }

  @POST
  @Path("posts")
  @Authenticated
  public Uni<Response> compose(@Valid @NotNull ComposeRequest request) {
    return posts
        .compose(callerId(), request.text(), request.mediaUrls(), request.mentions())
        .map(post -> Response.created(URI.create("/posts/" + post.id())).entity(post).build());
  }

  /**
   * A post never changes once written, so its id is its version and a CDN may serve it for a
   * minute; a deleted post disappears from caches within that minute (and from ours at once).
   */
  @GET
  @Path("posts/{id}")
  public Uni<Response> get(@PathParam("id") String id, @Context Request request) {
    return posts
        .get(postId(id))
        .map(
            post ->
                ConditionalGets.ok(
                    request, ConditionalGets.version(post.id()), post, "public, max-age=60"));
  }

  @DELETE
  @Path("posts/{id}")
  @Authenticated
  public Uni<Response> delete(@PathParam("id") String id) {
    return posts.delete(callerId(), postId(id)).map(done -> Response.noContent().build());
  }

  /**
   * An author's timeline, newest first; {@code cursor} is the {@code next} of the last page. It
   * changes with every post: a CDN may keep a page briefly, then revalidates.
   */
  @GET
  @Path("users/{id}/posts")
  public Uni<Response> byAuthor(
      @PathParam("id") String id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @Context Request request) {
    long author = Params.idOr404(id, "No user with this id");
    int size = Params.limit(limit, config.defaultPageSize(), config.maxPageSize());
    long before = Params.idCursor(cursor);
    // Posts never change: the ids shown and the cursor are the page's version.
    return posts
        .byAuthor(author, before, size)
        .map(
            page ->
                ConditionalGets.ok(
                    request,
                    ConditionalGets.version(
                        page.items().stream().map(PostView::id).toList(), page.next()),
                    page,
                    "public, max-age=5, must-revalidate"));
  }

  private long callerId() {
    return Params.callerId(caller.getSubject());
  }

  private static long postId(String id) {
    return Params.idOr404(id, "No post with this id");
  }
}
