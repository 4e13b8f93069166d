package dev.surge.orders.data;

import dev.surge.data.ShardRouter;
import dev.surge.events.outbox.EventOutbox;
import dev.surge.events.outbox.OutboxRelay;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.OrderPlaced;
import dev.surge.model.orders.OrderView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders on their buyer's shard (an order id embeds it). Every change is written with its event in
 * one transaction; transitions are optimistic ({@code where version = <read>}), so of two racing
 * transitions exactly one commits and announces.
 */
@ApplicationScoped
public class OrderRepository {
  static final String SELECT =
      "select o.id, o.user_id, o.status, o.sale_id, o.sale_bucket, o.total_cents, o.currency,"
          + " o.units_returned, o.created_at, o.updated_at, o.version,"
          + " array_agg(l.item_id order by l.item_id) as items,"
          + " array_agg(l.quantity order by l.item_id) as quantities,"
          + " array_agg(l.price_cents order by l.item_id) as prices"
          + " from orders o join order_lines l on l.order_id = o.id ";

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

  /** The order, or null; read from the primary (transitions follow reads closely). */
  public Uni<StoredOrder> find(long id) {
    return router.onPrimary(
        router.route(id),
        pool ->
            pool.preparedQuery(SELECT + "where o.id = $1 group by o.id")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? stored(rows.iterator().next()) : null));
  }

  /** A buyer's orders below {@code beforeId}, newest first. */
  public Uni<List<OrderView>> byUser(long userId, long beforeId, int limit) {
    return router.read(
        userId,
        null,
        pool ->
            pool.preparedQuery(
                    SELECT
                        + "where o.user_id = $1 and o.id < $2 group by o.id order by o.id desc"
                        + " limit $3")
                .execute(Tuple.of(userId, beforeId, limit))
                .map(OrderRepository::views));
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

  /**
   * On every instance, up to {@code batch} orders of {@code status} (with {@code unreturned}: only
   * cancelled ones whose units are still out) last changed before {@code cutoff}.
   */
  public Uni<List<StoredOrder>> olderThan(
      String status, boolean unreturned, Instant cutoff, int batch) {
    String where =
        unreturned
            ? "where o.status = 'CANCELLED' and not o.units_returned and o.updated_at < $1"
            : "where o.status = $3 and o.created_at < $1";
    String sql = SELECT + where + " group by o.id order by o.id limit $2";
    Tuple args =
        unreturned
            ? Tuple.of(cutoff.atOffset(ZoneOffset.UTC), batch)
            : Tuple.of(cutoff.atOffset(ZoneOffset.UTC), batch, status);
    return router
        .onEveryInstance(pool -> pool.preparedQuery(sql).execute(args))
        .map(
            all -> {
              List<StoredOrder> out = new ArrayList<>();
              all.forEach(rows -> rows.forEach(row -> out.add(stored(row))));
              return out;
            });
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

  private static List<OrderView> views(RowSet<Row> rows) {
    List<OrderView> out = new ArrayList<>();
    rows.forEach(row -> out.add(stored(row).view()));
    return out;
  }

  private static StoredOrder stored(Row row) {
    Long[] items = row.getArrayOfLongs("items");
    Integer[] quantities = row.getArrayOfIntegers("quantities");
    Long[] prices = row.getArrayOfLongs("prices");
    List<OrderView.Line> lines = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      lines.add(new OrderView.Line(Long.toString(items[i]), quantities[i], prices[i]));
    }
    Long sale = row.getLong("sale_id");
    OrderView view =
        new OrderView(
            Long.toString(row.getLong("id")),
            Long.toString(row.getLong("user_id")),
            row.getString("status"),
            sale == null ? null : Long.toString(sale),
            lines,
            row.getLong("total_cents"),
            row.getString("currency"),
            row.getOffsetDateTime("created_at").toInstant(),
            row.getOffsetDateTime("updated_at").toInstant());
    return new StoredOrder(
        view,
        row.getInteger("version"),
        row.getInteger("sale_bucket"),
        row.getBoolean("units_returned"));
  }
}
