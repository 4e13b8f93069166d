package dev.surge.guard;

import dev.surge.model.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The operator's switch board: {@code GET /admin/switches} and {@code PUT /admin/switches/{name}}
 * with {@code {"on":true}}. Internal (routes.yaml): each function's own port, never the entry; a
 * JWT in group admin.
 */
@Path("/admin/switches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class SwitchesResource {
  private final Switches switches;

  public SwitchesResource(Switches switches) {
    this.switches = switches;
  }

  /** The body of a PUT. */
  public record Position(Boolean on) {}

  @GET
  public Map<String, Boolean> all() {
    return switches.all();
  }

  @PUT
  @Path("/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Map<String, Boolean>> set(@PathParam("name") String name, Position position) {
    if (!Switches.KNOWN.contains(name)) {
      throw ProblemException.notFound("No switch with this name");
    }
    if (position == null || position.on() == null) {
      throw ProblemException.invalid("on", "must be true or false");
    }
    return switches.set(name, position.on()).map(done -> Map.of(name, position.on()));
  }
}
