package dev.surge.model.events;

import dev.surge.model.orders.OrderView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Data of {@value EventTypes#ORDER_PAID}. */
@RegisterForReflection
public record OrderPaid(OrderView order) {}
