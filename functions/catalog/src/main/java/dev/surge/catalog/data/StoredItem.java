package dev.surge.catalog.data;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An item as stored: its public view and the row's version (bumped by every catalog change), which
 * names the version of {@code GET /items/{id}} for ETags. Cached whole in the item cache.
 */
@RegisterForReflection
public record StoredItem(dev.surge.model.catalog.ItemView view, int version) {}
