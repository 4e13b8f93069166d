package dev.surge.model.events;

import dev.surge.model.orders.OrderView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Data of {@value EventTypes#ORDER_PLACED}: the order as persisted. */
@RegisterForReflection
public record OrderPlaced(OrderView order) {}
