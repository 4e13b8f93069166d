package dev.surge.model.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An item as the catalog shows it and as {@code item-changed} carries it. {@code available} is
 * whether any stock is left for regular checkout (the count itself is not public).
 */
@RegisterForReflection
public record ItemView(
    String id,
    String sku,
    String title,
    String description,
    long priceCents,
    String currency,
    boolean available) {}
