package dev.surge.model.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * A flash sale: {@code quantity} units of one item at {@code priceCents} between {@code startsAt}
 * and {@code endsAt}, at most {@code perUserLimit} per buyer. {@code remaining} is read from the
 * sale's stock in Redis (see {@link SaleKeys}) and may be up to a second old.
 */
@RegisterForReflection
public record SaleView(
    String id,
    String itemId,
    int quantity,
    int remaining,
    long priceCents,
    Instant startsAt,
    Instant endsAt,
    int perUserLimit) {}
