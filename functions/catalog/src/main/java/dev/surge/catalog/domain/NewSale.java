package dev.surge.catalog.domain;

import java.time.Instant;

/** What an admin sends to create a flash sale (already checked for shape by the api layer). */
public record NewSale(
    long itemId,
    int quantity,
    long priceCents,
    Instant startsAt,
    Instant endsAt,
    int perUserLimit) {}
