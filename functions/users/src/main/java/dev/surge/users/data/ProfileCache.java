package dev.surge.users.data;

import dev.surge.cache.CacheRead;
import dev.surge.cache.CacheSpec;
import dev.surge.cache.Caches;
import dev.surge.cache.Level;
import dev.surge.cache.MultiLevelCache;
import dev.surge.data.ConsistencyToken;
import dev.surge.model.users.UserProfile;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Public profiles through the shared multi-level cache (shared-cache/README.md): Caffeine L1, Redis
 * L2, single-flight and a Redis lease against stampedes, negative entries and a Bloom filter of
 * every user id against penetration, pub/sub invalidation with a delayed second delete.
 */
// Created at start, not on the first read: until then the admin endpoint could not find the cache
// by name, and the invalidation bus would not deliver to it.
@Startup
@ApplicationScoped
public class ProfileCache {
  private final MultiLevelCache<UserProfile> cache;
  private final UserRepository users;

  public ProfileCache(Caches caches, UserRepository users) {
    this.users = users;
    // "profiles" names the cache in metrics (cache="profiles") and in the admin endpoint.
    this.cache =
        caches.create(
            new CacheSpec<>("profiles", "users:profile", UserProfile.class, users::allIds));
  }

  /**
   * A profile (value null if no such user) and the level that answered. Without a consistency token
   * it goes through the cache (L1, Redis, then one database load per id across instances, on a
   * replica). With the token of the caller's own write it reads the database directly, on a replica
   * only if that replica has replayed the write, so the caller never sees a value older than its
   * own write, whatever any cache level holds.
   */
  public Uni<CacheRead<UserProfile>> read(long userId, String consistencyToken) {
    ConsistencyToken token = ConsistencyToken.parse(consistencyToken);
    if (token != null) {
      return users.find(userId, token).map(p -> new CacheRead<>(p, Level.LOADER, false));
    }
    return cache.get(Long.toString(userId), id -> users.find(userId, null));
  }

  /**
   * A new user: its id joins the Bloom filter, so reads of it get past the filter. A negative entry
   * for the id from before it existed (only a read of a guessed id leaves one) is not dropped here:
   * like any negative entry it expires after {@code surge.cache.negative-ttl} (plus L2 jitter).
   */
  public Uni<Void> created(UserProfile profile) {
    return cache.created(profile.id());
  }

  /** After a committed change: every instance's L1 and Redis drop the entry, twice. */
  public Uni<Void> invalidate(long userId) {
    return cache.invalidate(Long.toString(userId));
  }
}
