package dev.surge.catalog.domain;

import dev.surge.catalog.data.ItemCache;
import dev.surge.catalog.data.ItemChanges;
import dev.surge.catalog.data.ItemRepository;
import dev.surge.catalog.data.StoredItem;
import dev.surge.model.Page;
import dev.surge.model.catalog.ItemView;
import dev.surge.model.ids.SurgeIds;
import dev.surge.model.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Items: created and changed by admins, read by everyone through the cache. Every change is an
 * {@code item-changed} event written with it (see ItemRepository).
 */
@ApplicationScoped
public class CatalogService {
  private final ItemRepository items;
  private final ItemCache cache;

  public CatalogService(ItemRepository items, ItemCache cache) {
    this.items = items;
    this.cache = cache;
  }

  /** A new item under a root id: items spread over every shard. */
  public Uni<Item> create(NewItem item) {
    var view =
        new ItemView(
            Long.toString(SurgeIds.next()),
            item.sku(),
            item.title(),
            item.description() == null ? "" : item.description(),
            item.priceCents(),
            item.currency(),
            item.stock() > 0);
    return items.insert(view, item.stock(), Instant.now()).map(CatalogService::item);
  }

  /**
   * Applies an admin's changes; the cached copies are dropped here at once, and on every instance
   * again when the event comes back (a write must not wait for Kafka).
   */
  public Uni<Item> update(long id, ItemPatch patch) {
    var changes =
        new ItemChanges(
            patch.sku(),
            patch.title(),
            patch.description(),
            patch.priceCents(),
            patch.currency(),
            patch.stock());
    return items
        .update(id, changes, Instant.now())
        .map(CatalogService::requireFound)
        .call(() -> cache.invalidate(id))
        .map(CatalogService::item);
  }

  public Uni<Item> get(long id) {
    return cache.get(id).map(read -> item(requireFound(read.value())));
  }

  /** The newest items below the id {@code before} over every shard; next is the last id shown. */
  public Uni<Page<Item>> newest(long before, int limit) {
    return items
        .newest(before, limit)
        .map(
            found ->
                new Page<>(
                    found.stream().map(CatalogService::item).toList(),
                    found.size() == limit ? found.getLast().view().id() : null));
  }

  /** An {@code item-changed} event, from this or another instance: drop every cached copy. */
  public Uni<Void> itemChanged(long id) {
    return cache.invalidate(id);
  }

  /** The item for a sale, straight from its shard (not a cached copy that may be older). */
  public Uni<Item> forSale(long id) {
    return items.find(id).map(found -> found == null ? null : item(found));
  }

  private static Item item(StoredItem stored) {
    return new Item(stored.view(), stored.version());
  }

  private static StoredItem requireFound(StoredItem item) {
    if (item == null) {
      throw ProblemException.notFound("No item with this id");
    }
    return item;
  }
}
