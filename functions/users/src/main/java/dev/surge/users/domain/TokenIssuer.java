package dev.surge.users.domain;

import dev.surge.users.config.UsersConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Signs RS256 session tokens with the key in {@code SURGE_JWT_PRIVATE_KEY}. The issuer comes from
 * {@code smallrye.jwt.new-token.issuer}, which application.properties sets to {@code
 * mp.jwt.verify.issuer} (every function's, from shared-web), so signing and verifying can never
 * disagree.
 */
@ApplicationScoped
public class TokenIssuer {
  private final UsersConfig.Jwt config;

  public TokenIssuer(UsersConfig config) {
    this.config = config.jwt();
  }

  public record Issued(String token, long expiresInSeconds) {}

  public Issued issue(long userId, String handle) {
    long lifetime = config.lifetime().toSeconds();
    String token =
        Jwt.subject(Long.toString(userId))
            .upn(Long.toString(userId))
            .preferredUserName(handle)
            .groups(Set.of("user"))
            .expiresIn(lifetime)
            .sign();
    return new Issued(token, lifetime);
  }
}
