package dev.surge.users.domain;

import dev.surge.users.config.UsersConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * bcrypt off the event loop. Passwords are SHA-256'd and base64'd first, because bcrypt silently
 * ignores everything past 72 bytes; with the digest, long passphrases keep all their entropy.
 */
@ApplicationScoped
public class PasswordHasher {
  private final Vertx vertx;
  private final int cost;
  private final AtomicReference<String> decoy = new AtomicReference<>();

  public PasswordHasher(Vertx vertx, UsersConfig config) {
    this.vertx = vertx;
    this.cost = config.bcryptCost();
  }

  public Uni<String> hash(String password) {
    // bcrypt takes tens of milliseconds: it runs on a worker thread, and executeBlocking hands the
    // result back on the caller's Vert.x context, so the request's SQL and Redis calls and its
    // response carry on on its event loop, with its context-local data (the trace).
    return vertx.executeBlocking(
        Uni.createFrom().item(() -> BcryptUtil.bcryptHash(digest(password), cost)));
  }

  /**
   * Checks a password against a stored hash. With no hash (unknown account) it still spends one
   * bcrypt on a decoy, so both failures take the same time and reveal nothing.
   */
  public Uni<Boolean> verify(String password, String storedHash) {
    return vertx.executeBlocking(
        Uni.createFrom()
            .item(
                () -> {
                  String hash = storedHash != null ? storedHash : decoyHash();
                  boolean matches = BcryptUtil.matches(digest(password), hash);
                  return matches && storedHash != null;
                }));
  }

  private String decoyHash() {
    return decoy.updateAndGet(h -> h != null ? h : BcryptUtil.bcryptHash("decoy-password", cost));
  }

  private static String digest(String password) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
