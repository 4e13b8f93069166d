package dev.surge.model.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * Data of {@value EventTypes#PURCHASE_RESERVED}: a flash-sale unit taken in Redis for a buyer. The
 * orders consumer persists it as a CONFIRMED order on the buyer's shard, idempotently on {@code
 * orderId}; the reconciliation job re-publishes reservations that never became an order.
 */
@RegisterForReflection
public record PurchaseReserved(
    String orderId,
    String saleId,
    int bucket,
    String userId,
    String itemId,
    int quantity,
    long priceCents,
    Instant reservedAt) {}
