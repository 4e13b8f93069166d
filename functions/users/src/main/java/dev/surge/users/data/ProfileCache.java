package dev.surge.users.data;

import dev.surge.model.users.UserProfile;
import dev.surge.users.domain.UsersConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Cache-aside for public profiles in Redis. A Redis failure is a miss, never an error: the database
 * still answers. Keys carry the user id as a hash tag so that in Redis Cluster all of a user's keys
 * share one slot.
 */
@ApplicationScoped
public class ProfileCache {
  private static final Logger LOG = Logger.getLogger(ProfileCache.class);

  private final ReactiveValueCommands<String, UserProfile> values;
  private final ReactiveKeyCommands<String> keys;
  private final UsersConfig config;

  public ProfileCache(ReactiveRedisDataSource redis, UsersConfig config) {
    this.values = redis.value(UserProfile.class);
    this.keys = redis.key();
    this.config = config;
  }

  public static String key(long userId) {
    return "users:profile:{" + userId + "}";
  }

  /** The cached profile, or null on a miss or when Redis cannot answer. */
  public Uni<UserProfile> get(long userId) {
    return values
        .get(key(userId))
        .onFailure()
        .recoverWithItem(
            e -> {
              LOG.warnf("Redis read failed, serving from the database: %s", e.getMessage());
              return null;
            });
  }

  public Uni<Void> put(UserProfile profile) {
    return values
        .setex(key(Long.parseLong(profile.id())), config.profileCacheTtl().toSeconds(), profile)
        .onFailure()
        .recoverWithNull();
  }

  /** Deletes the entry; the caller has already committed the change it reflects. */
  public Uni<Void> invalidate(long userId) {
    return keys.del(key(userId))
        .replaceWithVoid()
        .onFailure()
        .recoverWithUni(
            e -> {
              // The entry may stay stale until its TTL: the multi-level cache adds retries.
              LOG.errorf("Redis invalidation of user %d failed: %s", userId, e.getMessage());
              return Uni.createFrom().voidItem();
            });
  }
}
