package dev.surge.catalog.data;

import dev.surge.cache.CacheRead;
import dev.surge.cache.CacheSpec;
import dev.surge.cache.Caches;
import dev.surge.cache.MultiLevelCache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Items by id through the shared two-level cache (shared-cache/README.md). No Bloom filter, as for
 * posts: negative entries absorb repeated misses. Dropped on every instance after each change (by
 * the writer at once, and by every consumer of {@code item-changed}).
 */
// Created at start: until then the invalidation bus would not deliver to it.
@Startup
@ApplicationScoped
public class ItemCache {
  private final MultiLevelCache<StoredItem> cache;
  private final ItemRepository items;

  public ItemCache(Caches caches, ItemRepository items) {
    this.cache = caches.create(new CacheSpec<>("items", "catalog:item", StoredItem.class, null));
    this.items = items;
  }

  public Uni<CacheRead<StoredItem>> get(long id) {
    return cache.get(Long.toString(id), key -> items.find(id));
  }

  public Uni<Void> invalidate(long id) {
    return cache.invalidate(Long.toString(id));
  }
}
