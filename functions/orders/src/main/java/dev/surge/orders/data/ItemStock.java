package dev.surge.orders.data;

import dev.surge.data.ShardRouter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The stock of catalog's items (table {@code items}, created by catalog's migration on every
 * database), on each item's shard. Every change is one conditional statement, so concurrent
 * checkouts never take more than there is: PostgreSQL serializes updates of one row.
 */
@ApplicationScoped
public class ItemStock {
  private final ShardRouter router;

  public ItemStock(ShardRouter router) {
    this.router = router;
  }

  /** What one taken line costs. */
  public record Taken(long itemId, int quantity, long priceCents, String currency) {}

  /** Takes {@code quantity} units if there are that many; null (and nothing taken) otherwise. */
  public Uni<Taken> take(long itemId, int quantity) {
    return router
        .write(
            itemId,
            tx ->
                tx.preparedQuery(
                        "update items set stock = stock - $2 where id = $1 and stock >= $2"
                            + " returning price_cents, currency")
                    .execute(Tuple.of(itemId, quantity))
                    .map(
                        rows -> {
                          if (!rows.iterator().hasNext()) {
                            return null;
                          }
                          Row row = rows.iterator().next();
                          return new Taken(
                              itemId,
                              quantity,
                              row.getLong("price_cents"),
                              row.getString("currency"));
                        }))
        .map(ShardRouter.Written::value);
  }

  /** Puts {@code quantity} units back. */
  public Uni<Void> giveBack(long itemId, int quantity) {
    return router
        .write(
            itemId,
            tx ->
                tx.preparedQuery("update items set stock = stock + $2 where id = $1")
                    .execute(Tuple.of(itemId, quantity)))
        .replaceWithVoid();
  }

  /** The item's currency, or null when the item is not on its shard. */
  public Uni<String> currency(long itemId) {
    return router.read(
        itemId,
        null,
        pool ->
            pool.preparedQuery("select currency from items where id = $1")
                .execute(Tuple.of(itemId))
                .map(
                    rows ->
                        rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null));
  }

  /**
   * The naive baseline of the flash-sale benchmark: one unit taken in PostgreSQL inside the request
   * ({@code stock = stock - 1 where stock > 0}); every buyer of a hot item queues on its row lock.
   */
  public Uni<Boolean> naiveTakeOne(long itemId) {
    return router
        .write(
            itemId,
            tx ->
                tx.preparedQuery("update items set stock = stock - 1 where id = $1 and stock > 0")
                    .execute(Tuple.of(itemId))
                    .map(rows -> rows.rowCount() == 1))
        .map(ShardRouter.Written::value);
  }
}
