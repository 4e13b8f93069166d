package dev.surge.posts.data;

import dev.surge.cache.CacheRead;
import dev.surge.cache.CacheSpec;
import dev.surge.cache.Caches;
import dev.surge.cache.MultiLevelCache;
import dev.surge.model.posts.PostView;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Posts by id through the shared two-level cache. No Bloom filter: post ids are not guessable
 * enemies' favourite target the way profile ids are, and negative entries already absorb repeats.
 */
@Startup
@ApplicationScoped
public class PostCache {
  private final MultiLevelCache<PostView> cache;
  private final PostRepository posts;

  public PostCache(Caches caches, PostRepository posts) {
    this.cache = caches.create(new CacheSpec<>("posts", "posts:post", PostView.class, null));
    this.posts = posts;
  }

  public Uni<CacheRead<PostView>> get(long id) {
    return cache.get(Long.toString(id), key -> posts.find(id));
  }

  public Uni<Void> invalidate(long id) {
    return cache.invalidate(Long.toString(id));
  }
}
