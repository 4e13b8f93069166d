package dev.surge.catalog.data;

import dev.surge.data.ShardRouter;
import dev.surge.events.outbox.EventOutbox;
import dev.surge.events.outbox.OutboxRelay;
import dev.surge.model.catalog.ItemView;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.ItemChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Items on the shard their id embeds. Every change is written with its {@code item-changed} event
 * in one transaction: the event exists if and only if the change was committed.
 */
@ApplicationScoped
public class ItemRepository {
  private static final String COLUMNS =
      "id, sku, title, description, price_cents, currency, stock, version";

  private final ShardRouter router;
  private final EventOutbox outbox;
  private final OutboxRelay relay;

  public ItemRepository(ShardRouter router, EventOutbox outbox, OutboxRelay relay) {
    this.router = router;
    this.outbox = outbox;
    this.relay = relay;
  }

  /** Stores a new item (version 1) and its event. */
  public Uni<StoredItem> insert(ItemView item, int stock, Instant now) {
    long id = Long.parseLong(item.id());
    Object[] row = {
      id,
      item.sku(),
      item.title(),
      item.description(),
      item.priceCents(),
      item.currency(),
      stock,
      now.atOffset(ZoneOffset.UTC)
    };
    return router
        .write(
            id,
            tx ->
                tx.preparedQuery(
                        "insert into items (id, sku, title, description, price_cents, currency,"
                            + " stock, version, created_at, updated_at)"
                            + " values ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8)"
                            + " returning "
                            + COLUMNS)
                    .execute(Tuple.from(row))
                    .chain(rows -> announce(tx, stored(rows.iterator().next()))))
        .map(ShardRouter.Written::value)
        .invoke(relay::nudge);
  }

  /** Applies the changes and bumps the version, with the event; null if there is no such item. */
  public Uni<StoredItem> update(long id, ItemChanges changes, Instant now) {
    Object[] args = {
      id,
      changes.sku(),
      changes.title(),
      changes.description(),
      changes.priceCents(),
      changes.currency(),
      changes.stock(),
      now.atOffset(ZoneOffset.UTC)
    };
    return router
        .write(
            id,
            tx ->
                tx.preparedQuery(
                        "update items set sku = coalesce($2, sku), title = coalesce($3, title),"
                            + " description = coalesce($4, description),"
                            + " price_cents = coalesce($5, price_cents),"
                            + " currency = coalesce($6, currency), stock = coalesce($7, stock),"
                            + " version = version + 1, updated_at = $8 where id = $1 returning "
                            + COLUMNS)
                    .execute(Tuple.from(args))
                    .chain(
                        rows ->
                            rows.rowCount() == 0
                                ? Uni.createFrom().<StoredItem>nullItem()
                                : announce(tx, stored(rows.iterator().next()))))
        .map(ShardRouter.Written::value)
        .invoke(relay::nudge);
  }

  /** The item; null if there is none. */
  public Uni<StoredItem> find(long id) {
    return router.read(
        id,
        null,
        pool ->
            pool.preparedQuery("select " + COLUMNS + " from items where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? stored(rows.iterator().next()) : null));
  }

  /**
   * The newest {@code limit} items below the id {@code beforeId}, over every instance: each gives
   * its own newest, merged by id (ids grow with time, so id order is newest first).
   */
  public Uni<List<StoredItem>> newest(long beforeId, int limit) {
    return router
        .onEveryInstance(
            pool ->
                pool.preparedQuery(
                        "select " + COLUMNS + " from items where id < $1 order by id desc limit $2")
                    .execute(Tuple.of(beforeId, limit))
                    .map(ItemRepository::storedAll))
        .map(
            perInstance ->
                perInstance.stream()
                    .flatMap(List::stream)
                    .sorted(Comparator.comparingLong((StoredItem s) -> id(s)).reversed())
                    .limit(limit)
                    .toList());
  }

  // Keyed by the item, so one item's changes stay in order on one partition.
  private Uni<StoredItem> announce(SqlConnection tx, StoredItem item) {
    return outbox
        .append(
            tx,
            id(item),
            EventTypes.CATALOG_TOPIC,
            EventTypes.ITEM_CHANGED,
            item.view().id(),
            new ItemChanged(item.view()))
        .replaceWith(item);
  }

  private static long id(StoredItem item) {
    return Long.parseLong(item.view().id());
  }

  private static List<StoredItem> storedAll(RowSet<Row> rows) {
    List<StoredItem> out = new ArrayList<>();
    for (Row row : rows) {
      out.add(stored(row));
    }
    return out;
  }

  private static StoredItem stored(Row row) {
    return new StoredItem(
        new ItemView(
            Long.toString(row.getLong("id")),
            row.getString("sku"),
            row.getString("title"),
            row.getString("description"),
            row.getLong("price_cents"),
            row.getString("currency"),
            row.getInteger("stock") > 0),
        row.getInteger("version"));
  }
}
