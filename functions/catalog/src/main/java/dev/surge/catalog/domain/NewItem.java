package dev.surge.catalog.domain;

/** What an admin sends to create an item (already checked for shape by the api layer). */
public record NewItem(
    String sku, String title, String description, long priceCents, String currency, int stock) {}
