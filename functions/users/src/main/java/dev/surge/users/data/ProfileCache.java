package dev.surge.users.data;

import dev.surge.cache.CacheRead;
import dev.surge.cache.CacheSpec;
import dev.surge.cache.Caches;
import dev.surge.cache.MultiLevelCache;
import dev.surge.model.users.UserProfile;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

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
  /** The cache's name in metrics ({@code cache="profiles"}) and in the admin endpoint. */
  public static final String NAME = "profiles";

  private final MultiLevelCache<UserProfile> cache;

  public ProfileCache(Caches caches, UserRepository users) {
    this.cache =
        caches.create(new CacheSpec<>(NAME, "users:profile", UserProfile.class, users::allIds));
  }

  /** The profile (value null if no such user) and the level that answered. */
  public Uni<CacheRead<UserProfile>> get(long userId, Function<String, Uni<UserProfile>> loader) {
    return cache.get(Long.toString(userId), loader);
  }

  /** A new user: its id joins the Bloom filter and any negative entry for it is dropped. */
  public Uni<Void> created(long userId) {
    return cache.created(Long.toString(userId));
  }

  /** After a committed change: every instance's L1 and Redis drop the entry, twice. */
  public Uni<Void> invalidate(long userId) {
    return cache.invalidate(Long.toString(userId));
  }
}
