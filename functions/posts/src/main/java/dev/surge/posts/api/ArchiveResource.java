package dev.surge.posts.api;

import dev.surge.model.problem.ProblemException;
import dev.surge.posts.config.PostsConfig;
import dev.surge.posts.domain.PostService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The archive command: {@code POST /admin/posts/archive[?olderThan=P30D]} moves posts older than
 * the age (default {@code surge.posts.archive-after}) to {@code posts_archive} on every instance,
 * in batches. Off unless {@code surge.posts.admin-enabled=true}: it is an operator's command, run
 * from inside the cluster (a Kubernetes CronJob with curl) with an operator's token (group admin:
 * 401 without a token, 403 with a user's).
 */
@Path("/admin/posts/archive")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {
  private final PostService posts;
  private final PostsConfig config;

  public ArchiveResource(PostService posts, PostsConfig config) {
    this.posts = posts;
    this.config = config;
  }

  @POST
  public Uni<Map<String, Long>> archive(@QueryParam("olderThan") String olderThan) {
    if (!config.adminEnabled()) {
      throw ProblemException.notFound("No such resource");
    }
    Duration age;
    try {
      age = olderThan == null ? null : Duration.parse(olderThan);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("olderThan", "must be an ISO-8601 duration such as P30D");
    }
    if (age != null && age.isNegative()) {
      throw ProblemException.invalid("olderThan", "must not be negative");
    }
    return posts.archive(age).map(moved -> Map.of("moved", moved));
  }
}
