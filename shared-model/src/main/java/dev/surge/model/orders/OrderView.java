package dev.surge.model.orders;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * An order as its owner sees it and as the orders events carry it. {@code saleId} is set for a
 * flash-sale purchase and null for a regular checkout.
 */
@RegisterForReflection
public record OrderView(
    String id,
    String userId,
    String status,
    String saleId,
    List<Line> items,
    long totalCents,
    String currency,
    Instant createdAt,
    Instant updatedAt) {
  /** One item of an order. */
  @RegisterForReflection
  public record Line(String itemId, int quantity, long priceCents) {}
}
