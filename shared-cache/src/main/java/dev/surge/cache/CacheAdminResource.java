package dev.surge.cache;

import dev.surge.model.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The command that rebuilds a Bloom filter from the database: {@code POST
 * /admin/caches/{name}/bloom/rebuild}. Off unless {@code surge.cache.admin-enabled=true}: it scans
 * a whole table, so it must not be reachable from the public route (the entry answers 404 there),
 * and on a function's own port it needs an operator's token (group admin): 401 without a token, 403
 * with a user's.
 */
@Path("/admin/caches")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class CacheAdminResource {
  private final Caches caches;
  private final CacheConfig config;

  public CacheAdminResource(Caches caches, CacheConfig config) {
    this.caches = caches;
    this.config = config;
  }

  @POST
  @Path("/{name}/bloom/rebuild")
  public Uni<Map<String, Object>> rebuild(@PathParam("name") String name) {
    if (!config.adminEnabled()) {
      throw ProblemException.notFound("No such resource");
    }
    if (name == null || !name.matches("[a-z0-9-]{1,40}")) {
      throw ProblemException.invalid("name", "must be 1-40 of a-z, 0-9 and -");
    }
    MultiLevelCache<?> cache =
        caches.named(name).orElseThrow(() -> ProblemException.notFound("No cache with this name"));
    return cache.rebuildBloom().map(n -> Map.of("cache", name, "ids", n));
  }
}
