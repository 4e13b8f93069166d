package dev.surge.catalog.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.catalog.domain.CatalogService;
import dev.surge.events.EventHandler;
import dev.surge.events.PoisonEvent;
import dev.surge.events.ReceivedEvent;
import dev.surge.model.catalog.ItemView;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.ItemChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Catalog consumes its own {@code item-changed} events: each instance drops the item from its cache
 * (a delete, idempotent by nature, so no processed-event row is needed). The writer already dropped
 * it; this reaches instances whose pub/sub message was lost and new cached copies loaded from a
 * replica that had not yet replayed the change.
 */
@ApplicationScoped
public class CatalogEvents implements EventHandler {
  private final CatalogService catalog;
  private final ObjectMapper json;

  public CatalogEvents(CatalogService catalog, ObjectMapper json) {
    this.catalog = catalog;
    this.json = json;
  }

  @Override
  public boolean accepts(String type) {
    return EventTypes.ITEM_CHANGED.equals(type);
  }

  @Override
  public Uni<Void> handle(ReceivedEvent event) {
    ItemView item = event.dataAs(json, ItemChanged.class).item();
    if (item == null) {
      throw new PoisonEvent("item is required");
    }
    return catalog.itemChanged(ReceivedEvent.parseId("item.id", item.id()));
  }
}
