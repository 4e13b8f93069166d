package dev.surge.catalog.data;

/** The fields an admin PATCH sets; null leaves a field as it is. */
public record ItemChanges(
    String sku,
    String title,
    String description,
    Long priceCents,
    String currency,
    Integer stock) {}
