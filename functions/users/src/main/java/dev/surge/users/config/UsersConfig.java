package dev.surge.users.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the users function ({@code surge.users.*}). */
@ConfigMapping(prefix = "surge.users")
public interface UsersConfig {

  /** bcrypt cost factor: each step doubles the work of a login and of an attacker's guess. */
  @WithDefault("10")
  int bcryptCost();

  /** Tokens this function issues. */
  Jwt jwt();

  interface Jwt {
    /** How long a session token is valid. */
    @WithDefault("1h")
    Duration lifetime();
  }
}
