package dev.surge.catalog.data;

import dev.surge.cache.CacheSpec;
import dev.surge.cache.Caches;
import dev.surge.cache.MultiLevelCache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sale definitions through the shared two-level cache: a flash sale's page is read by every buyer
 * at once, and a definition never changes after creation, so nothing ever invalidates it.
 */
@Startup
@ApplicationScoped
public class SaleCache {
  private final MultiLevelCache<SaleRow> cache;
  private final SaleRepository sales;

  public SaleCache(Caches caches, SaleRepository sales) {
    this.cache = caches.create(new CacheSpec<>("sales", "catalog:sale", SaleRow.class, null));
    this.sales = sales;
  }

  /** The sale, or null if there is none. */
  public Uni<SaleRow> get(long id) {
    return cache.get(Long.toString(id), key -> sales.find(id)).map(read -> read.value());
  }
}
