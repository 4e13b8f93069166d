package dev.surge.users.domain;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Signs RS256 session tokens with the key in {@code SURGE_JWT_PRIVATE_KEY}. The issuer comes from
 * {@code smallrye.jwt.new-token.issuer}, the same place {@code mp.jwt.verify.issuer} is set next
 * to, so signing and verifying can never disagree.
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
