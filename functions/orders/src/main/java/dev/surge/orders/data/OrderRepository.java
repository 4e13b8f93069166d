package dev.surge.orders.data;

import dev.surge.data.ShardRouter;
import dev.surge.events.outbox.EventOutbox;
import dev.surge.events.outbox.OutboxRelay;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.OrderPlaced;
import dev.surge.model.orders.OrderView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Changes of orders on their buyer's shard (an order id embeds it; reads are in {@link OrderRows}).
 * Every change is written with its event in one transaction; transitions are optimistic ({@code
 * where version = <read>}), so of two racing transitions exactly one commits and announces.
 */
@ApplicationScoped
public class OrderRepository {
  private final ShardRouter router;
  private final EventOutbox outbox;
  private final OutboxRelay relay;

  public OrderRepository(ShardRouter router, EventOutbox outbox, OutboxRelay relay) {
    this.router = router;
    this.outbox = outbox;
    this.relay = relay;
  }

  /**
   * Stores {@code order} with its lines and its order-placed event, unless an order with its id
   * exists: emits false then, and writes nothing (persisting a reservation is idempotent).
   */
  public Uni<Boolean> place(OrderView order, Integer saleBucket) {
    long id = Long.parseLong(order.id());
    Object[] row = {
      id,
      Long.parseLong(order.userId()),
      order.status(),
      order.saleId() == null ? null : Long.valueOf(order.saleId()),
      saleBucket,
      order.totalCents(),
      order.currency(),
      order.createdAt().atOffset(ZoneOffset.UTC)
    };
    return router
        .write(
            id,
            tx ->
                tx.preparedQuery(
                        "insert into orders (id, user_id, status, sale_id, sale_bucket, total_cents,"
                            + " currency, created_at, updated_at)"
                            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $8)"
                            + " on conflict (id) do nothing")
                    .execute(Tuple.from(row))
                    .chain(
                        rows ->
                            rows.rowCount() == 0
                                ? Uni.createFrom().item(false)
                                : lines(tx, order)
                                    .chain(
                                        () ->
                                            announce(
                                                tx,
                                                order,
                                                EventTypes.ORDER_PLACED,
                                                new OrderPlaced(order)))
                                    .replaceWith(true)))
        .map(ShardRouter.Written::value)
        .invoke(placed -> relay.nudge());
  }

  /**
   * Moves {@code order} to {@code next} with its event, if nobody changed it since it was read;
   * emits whether this call made the transition.
   */
  public Uni<Boolean> transition(
      StoredOrder order, OrderView next, String reason, String eventType, Object event) {
    return router
        .write(
            order.id(),
            tx ->
                tx.preparedQuery(
                        "update orders set status = $2, cancel_reason = $3, updated_at = $4,"
                            + " version = version + 1 where id = $1 and version = $5")
                    .execute(
                        Tuple.from(
                            new Object[] {
                              order.id(),
                              next.status(),
                              reason,
                              next.updatedAt().atOffset(ZoneOffset.UTC),
                              order.version()
                            }))
                    .chain(
                        rows ->
                            rows.rowCount() == 0
                                ? Uni.createFrom().item(false)
                                : announce(tx, next, eventType, event).replaceWith(true)))
        .map(ShardRouter.Written::value)
        .invoke(done -> relay.nudge());
  }

  /** Notes that a cancelled order's units went back. */
  public Uni<Void> unitsReturned(long id) {
    return router
        .write(
            id,
            tx ->
                tx.preparedQuery("update orders set units_returned = true where id = $1")
                    .execute(Tuple.of(id)))
        .replaceWithVoid();
  }

  private Uni<Void> lines(SqlConnection tx, OrderView order) {
    List<Tuple> lines =
        order.items().stream()
            .map(
                l ->
                    Tuple.of(
                        Long.parseLong(order.id()),
                        Long.parseLong(l.itemId()),
                        l.quantity(),
                        l.priceCents()))
            .toList();
    return tx.preparedQuery(
            "insert into order_lines (order_id, item_id, quantity, price_cents)"
                + " values ($1, $2, $3, $4)")
        .executeBatch(lines)
        .replaceWithVoid();
  }

  // Keyed by the buyer, so one buyer's events stay in order on one partition.
  private Uni<Void> announce(SqlConnection tx, OrderView order, String type, Object event) {
    return outbox.append(
        tx, Long.parseLong(order.id()), EventTypes.ORDERS_TOPIC, type, order.userId(), event);
  }
}
