package dev.surge.orders.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.events.EventHandler;
import dev.surge.events.PoisonEvent;
import dev.surge.events.ReceivedEvent;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.PurchaseReserved;
import dev.surge.model.ids.SurgeIds;
import dev.surge.orders.domain.OrderService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A flash-sale reservation becomes an order on the buyer's shard. Idempotent on the order id (the
 * insert does nothing when it exists), so redeliveries and re-publications make one order. The
 * order's own transition events on the same topic are for other consumers.
 */
@ApplicationScoped
public class OrderEvents implements EventHandler {
  private final OrderService orders;
  private final ObjectMapper json;

  public OrderEvents(OrderService orders, ObjectMapper json) {
    this.orders = orders;
    this.json = json;
  }

  @Override
  public boolean accepts(String type) {
    return EventTypes.PURCHASE_RESERVED.equals(type);
  }

  @Override
  public Uni<Void> handle(ReceivedEvent event) {
    PurchaseReserved reserved = event.dataAs(json, PurchaseReserved.class);
    for (String field : new String[] {"saleId", "itemId"}) {
      event.id(field);
    }
    // The order lives with its buyer: an order id on another shard than the buyer's is no order
    // this function made.
    if (SurgeIds.shardOf(event.id("orderId")) != SurgeIds.shardOf(event.id("userId"))) {
      throw new PoisonEvent("purchase-reserved order id is not on the buyer's shard");
    }
    if (reserved.quantity() < 1 || reserved.priceCents() < 0 || reserved.reservedAt() == null) {
      throw new PoisonEvent("purchase-reserved needs quantity, price and time");
    }
    return orders.persist(reserved).replaceWithVoid();
  }
}
