package dev.surge.users.api;

import dev.surge.data.ConsistencyToken;
import dev.surge.model.ids.SurgeIds;
import dev.surge.model.problem.ProblemException;
import dev.surge.users.domain.UserService;
import dev.surge.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
  private final UserService users;
  private final JsonWebToken caller;

  public UserResource(UserService users, JsonWebToken caller) {
    this.users = users;
    this.caller = caller;
  }

  /**
   * Sign up: 201 with the public profile and its Location; 409 if email or handle is taken. The
   * {@value ConsistencyToken#HEADER} header is the write's token: sent back on a read, it makes
   * that read see this write (read-your-writes across replicas).
   */
  @POST
  public Uni<Response> signUp(@Valid @NotNull SignupRequest request) {
    return users
        .signUp(request.email(), request.handle(), request.displayName(), request.password())
        .map(
            written ->
                Response.created(URI.create("/users/" + written.value().id()))
                    .entity(written.value())
                    .header(ConsistencyToken.HEADER, written.token().toString())
                    .build());
  }

  /**
   * A public profile. {@code X-Cache} is hit or miss, {@code X-Cache-Level} the level that answered
   * (l1, l2, bloom, loader). Unknown or malformed id: 404.
   */
  @GET
  @Path("/{id}")
  public Uni<Response> profile(
      @PathParam("id") String id, @HeaderParam(ConsistencyToken.HEADER) String consistency) {
    long userId =
        SurgeIds.parse(id).orElseThrow(() -> ProblemException.notFound("No user with this id"));
    return users
        .profile(userId, ConsistencyToken.parse(consistency))
        .map(
            read ->
                Response.ok(read.profile())
                    .header("X-Cache", read.level().hit() ? "hit" : "miss")
                    .header("X-Cache-Level", read.level().name().toLowerCase(Locale.ROOT))
                    .build());
  }

  /** Edit the caller's own display name and bio; the write's token is in the response header. */
  @PATCH
  @Path("/me")
  @Authenticated
  public Uni<Response> updateMe(@Valid @NotNull UpdateProfileRequest request) {
    long userId = Params.callerId(caller.getSubject());
    return users
        .updateProfile(userId, request.displayName(), request.bio())
        .map(
            written ->
                Response.ok(written.value())
                    .header(ConsistencyToken.HEADER, written.token().toString())
                    .build());
  }
}
