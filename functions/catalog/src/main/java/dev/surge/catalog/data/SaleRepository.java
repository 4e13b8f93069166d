package dev.surge.catalog.data;

import dev.surge.data.ShardRouter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/** Sale definitions, on their item's shard (a sale id embeds it). */
@ApplicationScoped
public class SaleRepository {
  private static final String COLUMNS =
      "id, item_id, quantity, price_cents, starts_at, ends_at, per_user_limit, buckets";

  private final ShardRouter router;

  public SaleRepository(ShardRouter router) {
    this.router = router;
  }

  public Uni<Void> insert(SaleRow sale, Instant now) {
    Object[] row = {
      sale.id(),
      sale.itemId(),
      sale.quantity(),
      sale.priceCents(),
      sale.startsAt().atOffset(ZoneOffset.UTC),
      sale.endsAt().atOffset(ZoneOffset.UTC),
      sale.perUserLimit(),
      sale.buckets(),
      now.atOffset(ZoneOffset.UTC)
    };
    return router
        .write(
            sale.id(),
            tx ->
                tx.preparedQuery(
                        "insert into sales ("
                            + COLUMNS
                            + ", created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                    .execute(Tuple.from(row)))
        .replaceWithVoid();
  }

  /** The sale; null if there is none. */
  public Uni<SaleRow> find(long id) {
    return router.read(
        id,
        null,
        pool ->
            pool.preparedQuery("select " + COLUMNS + " from sales where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? row(rows.iterator().next()) : null));
  }

  private static SaleRow row(Row row) {
    return new SaleRow(
        row.getLong("id"),
        row.getLong("item_id"),
        row.getInteger("quantity"),
        row.getLong("price_cents"),
        row.getOffsetDateTime("starts_at").toInstant(),
        row.getOffsetDateTime("ends_at").toInstant(),
        row.getInteger("per_user_limit"),
        row.getInteger("buckets"));
  }
}
