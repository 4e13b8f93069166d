package dev.surge.users.api;

import dev.surge.model.http.SurgeHeaders;
import dev.surge.users.domain.UserService;
import dev.surge.web.Params;
import dev.surge.web.PlainText;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
   * Body of {@code POST /users}. Unknown fields are rejected (see application.properties). Lengths
   * are checked before any pattern, and only bounded patterns remain (handle, email).
   */
  public record SignupRequest(
      @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
      @NotNull
          @Size(min = 3, max = 30, message = "must be 3 to 30 letters, digits or underscores")
          @Pattern(
              regexp = "[A-Za-z0-9_]{3,30}",
              message = "must be 3 to 30 letters, digits or underscores")
          String handle,
      @NotNull @PlainText(min = 1, max = 50) String displayName,
      @NotNull @PlainText(min = 10, max = 256) String password) {}

  /** Body of {@code PATCH /users/me}: absent fields stay as they are. */
  public record UpdateProfileRequest(
      @PlainText(min = 1, max = 50) String displayName,
      // Multi-line text: line breaks allowed, other control characters not.
      @PlainText(max = 280, multiline = true) String bio) {

    @AssertTrue(message = "at least one of displayName and bio is required")
    public boolean isChangingSomething() {
      return displayName != null || bio != null;
    }
  }

  /** Sign up: 201 with the public profile, its Location and the write's consistency token. */
  @POST
  public Uni<Response> signUp(@Valid @NotNull SignupRequest request) {
    return users
        .signUp(request.email(), request.handle(), request.displayName(), request.password())
        .map(
            saved ->
                Response.created(URI.create("/users/" + saved.profile().id()))
                    .entity(saved.profile())
                    .header(SurgeHeaders.CONSISTENCY, saved.consistencyToken())
                    .build());
  }

  /**
   * A public profile. {@code X-Cache} is hit or miss, {@code X-Cache-Level} the level that answered
   * (l1, l2, bloom, loader). Unknown or malformed id: 404.
   */
  @GET
  @Path("/{id}")
  public Uni<Response> profile(
      @PathParam("id") String id, @HeaderParam(SurgeHeaders.CONSISTENCY) String consistencyToken) {
    return users
        .profile(Params.idOr404(id, "No user with this id"), consistencyToken)
        .map(
            read ->
                Response.ok(read.profile())
                    .header("X-Cache", read.cacheHit() ? "hit" : "miss")
                    .header("X-Cache-Level", read.cacheLevel())
                    .build());
  }

  /** Edit the caller's own display name and bio; the write's token is in the response header. */
  @PATCH
  @Path("/me")
  @Authenticated
  public Uni<Response> updateMe(@Valid @NotNull UpdateProfileRequest request) {
    return users
        .updateProfile(Params.callerId(caller.getSubject()), request.displayName(), request.bio())
        .map(
            saved ->
                Response.ok(saved.profile())
                    .header(SurgeHeaders.CONSISTENCY, saved.consistencyToken())
                    .build());
  }
}
