package dev.surge.model.events;

import dev.surge.model.orders.OrderView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Data of {@value EventTypes#ORDER_CANCELLED}: {@code reason} is {@code user}, {@code declined} or
 * {@code expired}; the order's units went back to its sale or items.
 */
@RegisterForReflection
public record OrderCancelled(OrderView order, String reason) {}
