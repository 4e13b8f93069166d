package dev.surge.model.events;

import dev.surge.model.catalog.ItemView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Data of {@value EventTypes#ITEM_CHANGED}: the item as it is now; drops every cached copy. */
@RegisterForReflection
public record ItemChanged(ItemView item) {}
