package dev.surge.orders.domain;

import dev.surge.model.events.EventTypes;
import dev.surge.model.events.OrderCancelled;
import dev.surge.model.events.OrderPaid;
import dev.surge.model.orders.OrderView;
import dev.surge.model.problem.ProblemException;
import dev.surge.model.problem.ProblemType;
import dev.surge.orders.data.ItemStock;
import dev.surge.orders.data.OrderRepository;
import dev.surge.orders.data.SaleStore;
import dev.surge.orders.data.StoredOrder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/**
 * The order state machine: PENDING → CONFIRMED (persisted) → PAID; PENDING or CONFIRMED → CANCELLED
 * (by the buyer, a declined payment or the payment timeout), which gives the units back. Any other
 * transition is 409 invalid-transition. Each one is committed with its event.
 */
@ApplicationScoped
public class Transitions {
  static final String PENDING = "PENDING", CONFIRMED = "CONFIRMED", PAID = "PAID";
  static final String CANCELLED = "CANCELLED";
  private static final Set<String> CANCELLABLE = Set.of(PENDING, CONFIRMED);

  private final OrderRepository orders;
  private final SaleStore sales;
  private final ItemStock items;

  public Transitions(OrderRepository orders, SaleStore sales, ItemStock items) {
    this.orders = orders;
    this.sales = sales;
    this.items = items;
  }

  /** CONFIRMED → PAID. */
  public Uni<OrderView> pay(StoredOrder order) {
    if (!CONFIRMED.equals(order.status())) {
      throw invalid(order, PAID);
    }
    OrderView next = moved(order.view(), PAID);
    return orders
        .transition(order, next, null, EventTypes.ORDER_PAID, new OrderPaid(next))
        .map(done -> committed(done, order, next));
  }

  /** PENDING|CONFIRMED → CANCELLED for {@code reason} (user, declined, expired); units go back. */
  public Uni<OrderView> cancel(StoredOrder order, String reason) {
    if (!CANCELLABLE.contains(order.status())) {
      throw invalid(order, CANCELLED);
    }
    OrderView next = moved(order.view(), CANCELLED);
    return orders
        .transition(
            order, next, reason, EventTypes.ORDER_CANCELLED, new OrderCancelled(next, reason))
        .map(done -> committed(done, order, next))
        // The cancel stands even if Redis or an item's shard fails now: the return job retries.
        .call(() -> giveBack(order).onFailure().recoverWithNull());
  }

  /**
   * Gives a cancelled order's units back, then notes it. A flash-sale order's units go back through
   * a script that returns them once per order id whatever the retries; an item's stock is added
   * back on its shard. If this fails after the cancel committed, the return job retries it.
   */
  public Uni<Void> giveBack(StoredOrder order) {
    Uni<Void> back;
    if (order.view().saleId() != null) {
      back =
          sales
              .giveBack(Long.parseLong(order.view().saleId()), order.saleBucket(), order.id())
              .replaceWithVoid();
    } else {
      back =
          Multi.createFrom()
              .iterable(order.view().items())
              .onItem()
              .transformToUniAndConcatenate(
                  l -> items.giveBack(Long.parseLong(l.itemId()), l.quantity()))
              .collect()
              .last()
              .replaceWithVoid();
    }
    return back.chain(() -> orders.unitsReturned(order.id()));
  }

  private static OrderView committed(boolean done, StoredOrder order, OrderView next) {
    if (!done) {
      throw new ProblemException(
          ProblemType.INVALID_TRANSITION, "The order changed meanwhile; read it again");
    }
    return next;
  }

  private static OrderView moved(OrderView o, String status) {
    return new OrderView(
        o.id(),
        o.userId(),
        status,
        o.saleId(),
        o.items(),
        o.totalCents(),
        o.currency(),
        o.createdAt(),
        Instant.now());
  }

  private static ProblemException invalid(StoredOrder order, String to) {
    return new ProblemException(
        ProblemType.INVALID_TRANSITION, "An order " + order.status() + " cannot become " + to);
  }
}
