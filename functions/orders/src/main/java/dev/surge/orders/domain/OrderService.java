package dev.surge.orders.domain;

import dev.surge.model.Page;
import dev.surge.model.events.PurchaseReserved;
import dev.surge.model.orders.OrderView;
import dev.surge.model.problem.ProblemException;
import dev.surge.model.problem.ProblemType;
import dev.surge.orders.config.OrdersConfig;
import dev.surge.orders.data.ItemStock;
import dev.surge.orders.data.OrderRepository;
import dev.surge.orders.data.OrderRows;
import dev.surge.orders.data.StoredOrder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reading, paying and cancelling one's orders, and persisting flash-sale reservations. An order is
 * visible once persisted (normally well under a second after its 202): before that, and for any
 * other user than its buyer, it is 404.
 */
@ApplicationScoped
public class OrderService {
  private final OrderRepository orders;
  private final OrderRows rows;
  private final ItemStock items;
  private final Transitions transitions;
  private final Payments payments;
  private final OrdersConfig config;

  public OrderService(
      OrderRepository orders,
      OrderRows rows,
      ItemStock items,
      Transitions transitions,
      Payments payments,
      OrdersConfig config) {
    this.orders = orders;
    this.rows = rows;
    this.items = items;
    this.transitions = transitions;
    this.payments = payments;
    this.config = config;
  }

  public Uni<OrderView> get(long caller, long id) {
    return owned(caller, id).map(StoredOrder::view);
  }

  /** The caller's orders below the id {@code before}, newest first; next is the last id shown. */
  public Uni<Page<OrderView>> list(long caller, long before, int limit) {
    return rows.byUser(caller, before, limit)
        .map(items -> new Page<>(items, items.size() == limit ? items.getLast().id() : null));
  }

  /** Charges the order; a declined payment cancels it (units back) and answers 402. */
  public Uni<OrderView> pay(long caller, long id, String method, String token) {
    return owned(caller, id)
        .chain(
            order -> {
              if (!Transitions.CONFIRMED.equals(order.status())) {
                return transitions.pay(order); // 409 invalid-transition
              }
              if (payments.charge(order.id(), method, token)) {
                return transitions.pay(order);
              }
              return transitions
                  .cancel(order, "declined")
                  .map(
                      cancelled -> {
                        throw new ProblemException(
                            ProblemType.PAYMENT_DECLINED,
                            "The payment was declined; the order is cancelled");
                      });
            });
  }

  public Uni<OrderView> cancel(long caller, long id) {
    return owned(caller, id).chain(order -> transitions.cancel(order, "user"));
  }

  /**
   * A reservation becomes a CONFIRMED order on the buyer's shard, once: a redelivery or a
   * re-publication finds the order and writes nothing.
   */
  public Uni<Boolean> persist(PurchaseReserved r) {
    long itemId = Long.parseLong(r.itemId());
    return items
        .currency(itemId)
        .chain(
            currency -> {
              OrderView order =
                  new OrderView(
                      r.orderId(),
                      r.userId(),
                      Transitions.CONFIRMED,
                      r.saleId(),
                      List.of(new OrderView.Line(r.itemId(), r.quantity(), r.priceCents())),
                      r.priceCents() * r.quantity(),
                      currency == null ? config.defaultCurrency() : currency,
                      r.reservedAt(),
                      r.reservedAt());
              return orders.place(order, r.bucket());
            });
  }

  private Uni<StoredOrder> owned(long caller, long id) {
    return rows.find(id)
        .map(
            order -> {
              if (order == null || order.userId() != caller) {
                throw ProblemException.notFound("No order with this id");
              }
              return order;
            });
  }
}
