package dev.surge.catalog.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * A flash sale's definition as stored in {@code sales}: it never changes after creation, so it is
 * cached without invalidation. {@code buckets} is how many Redis sub-buckets hold its stock.
 */
@RegisterForReflection
public record SaleRow(
    long id,
    long itemId,
    int quantity,
    long priceCents,
    Instant startsAt,
    Instant endsAt,
    int perUserLimit,
    int buckets) {}
