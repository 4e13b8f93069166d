package dev.surge.catalog.domain;

/** An admin's changes to an item; null leaves a field as it is. */
public record ItemPatch(
    String sku,
    String title,
    String description,
    Long priceCents,
    String currency,
    Integer stock) {}
