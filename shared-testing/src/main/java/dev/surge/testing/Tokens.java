package dev.surge.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;

/**
 * Bearer tokens as the users function issues them (RS256, issuer https://surge.dev/users, subject
 * the user id), signed with the dev key from {@code SURGE_JWT_PRIVATE_KEY}: other functions' tests
 * need a caller without calling the users function.
 */
public final class Tokens {
  public static final String ISSUER = "https://surge.dev/users";

  private Tokens() {}

  public static String forUser(long userId) {
    return Jwt.issuer(ISSUER)
        .subject(Long.toString(userId))
        .expiresIn(Duration.ofMinutes(30))
        .sign(key());
  }

  /**
   * An operator's token: group {@code admin}, which the admin endpoints require (a user token gets
   * 403 there). Subject 0 is no user.
   */
  public static String admin() {
    return Jwt.issuer(ISSUER)
        .subject("0")
        .groups("admin")
        .expiresIn(Duration.ofMinutes(30))
        .sign(key());
  }

  private static PrivateKey key() {
    String pem = System.getenv("SURGE_JWT_PRIVATE_KEY");
    if (pem == null) {
      throw new IllegalStateException("SURGE_JWT_PRIVATE_KEY is not set: source .surge/env");
    }
    try {
      return KeyUtils.decodePrivateKey(pem);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SURGE_JWT_PRIVATE_KEY is not an RSA private key", e);
    }
  }
}
