package dev.surge.orders.data;

import dev.surge.data.ShardRouter;
import dev.surge.model.orders.OrderView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads of orders, each with its lines, on the buyer's shard or (for the jobs) every instance. */
@ApplicationScoped
public class OrderRows {
  static final String SELECT =
      "select o.id, o.user_id, o.status, o.sale_id, o.sale_bucket, o.total_cents, o.currency,"
          + " o.units_returned, o.created_at, o.updated_at, o.version,"
          + " array_agg(l.item_id order by l.item_id) as items,"
          + " array_agg(l.quantity order by l.item_id) as quantities,"
          + " array_agg(l.price_cents order by l.item_id) as prices"
          + " from orders o join order_lines l on l.order_id = o.id ";

  private final ShardRouter router;

  public OrderRows(ShardRouter router) {
    this.router = router;
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
                .map(OrderRows::views));
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
