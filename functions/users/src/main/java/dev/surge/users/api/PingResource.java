package dev.surge.users.api;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The cheapest answer this process can give through the same HTTP stack as every endpoint: the
 * ceiling that perf/cache-bench.sh compares an L1-cached profile read against.
 */
@Path("/ping")
public class PingResource {
  @GET
  @NonBlocking
  @Produces(MediaType.TEXT_PLAIN)
  public String ping() {
    return "pong";
  }
}
