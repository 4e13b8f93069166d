package dev.surge.posts.api;

import dev.surge.posts.domain.PostService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {
  private final PostService posts;
  private final JsonWebToken caller;

  public PostResource(PostService posts, JsonWebToken caller) {
    this.posts = posts;
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
   * A post never changes once written, so a CDN may serve it for a minute; a deleted post
   * disappears from caches within that minute (and from ours at once).
   */
  @GET
  @Path("posts/{id}")
  public Uni<Response> get(@PathParam("id") String id) {
    return posts
        .get(postId(id))
        .map(post -> Response.ok(post).header("Cache-Control", "public, max-age=60").build());
  }

  @DELETE
  @Path("posts/{id}")
  @Authenticated
  public Uni<Response> delete(@PathParam("id") String id) {
    return posts.delete(callerId(), postId(id)).map(done -> Response.noContent().build());
  }

  /** An author's timeline, newest first; {@code cursor} is the {@code next} of the last page. */
  @GET
  @Path("users/{id}/posts")
  public Uni<Response> byAuthor(
      @PathParam("id") String id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    long author = Params.idOr404(id, "No user with this id");
    return posts
        .byAuthor(author, cursor, limit)
        .map(
            page ->
                Response.ok(page)
                    .header("Cache-Control", "public, max-age=5, must-revalidate")
                    .build());
  }

  private long callerId() {
    return Params.callerId(caller.getSubject());
  }

  private static long postId(String id) {
    return Params.idOr404(id, "No post with this id");
  }
}
