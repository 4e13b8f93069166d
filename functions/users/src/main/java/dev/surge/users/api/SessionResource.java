package dev.surge.users.api;

import dev.surge.users.domain.UserService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/sessions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  private final UserService users;

  public SessionResource(UserService users) {
    this.users = users;
  }

  /** Body of {@code POST /sessions}. */
  public record LoginRequest(
      @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 256) String password) {}

  /** Answer of {@code POST /sessions}: an OAuth2-style bearer token. */
  public record SessionResponse(String accessToken, String tokenType, long expiresIn) {}

  /** Log in: a signed RS256 token, or 401 whether the email is unknown or the password wrong. */
  @POST
  public Uni<SessionResponse> logIn(@Valid @NotNull LoginRequest request) {
    return users
        .logIn(request.email(), request.password())
        .map(issued -> new SessionResponse(issued.token(), "Bearer", issued.expiresInSeconds()));
  }
}
