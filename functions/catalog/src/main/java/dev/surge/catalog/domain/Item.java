package dev.surge.catalog.domain;

import dev.surge.model.catalog.ItemView;

/** An item and the version of its row: the resource names its ETag from both. */
public record Item(ItemView view, int version) {}
