package dev.surge.graph.data;

import dev.surge.data.ShardRouter;
import dev.surge.data.ShardRouter.Route;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Edges on their owners' shards. Every write is idempotent (insert on conflict do nothing, delete
 * returning), and counts move only when a row really changed, so a retried request heals a
 * half-done one without counting twice.
 */
@ApplicationScoped
public class GraphRepository {
  /** A listed edge: the other user and when the edge was made. */
  public record Edge(long otherId, Instant at) {}

  /** Which side of an edge a list reads. */
  public enum Side {
    FOLLOWING("graph_following", "target_id", "following"),
    FOLLOWERS("graph_followers", "follower_id", "followers");

    final String table;
    final String other;
    final String counter;

    Side(String table, String other, String counter) {
      this.table = table;
      this.other = other;
      this.counter = counter;
    }
  }

  private final ShardRouter router;

  public GraphRepository(ShardRouter router) {
    this.router = router;
  }

  public Route routeOf(long userId) {
    return router.route(userId);
  }

  /**
   * Adds {@code otherId} to {@code userId}'s list on {@code side}, on {@code userId}'s shard. Emits
   * true if the edge is new; {@code alsoIfNew} then runs in the same transaction (the event).
   */
  public Uni<Boolean> add(
      Side side,
      long userId,
      long otherId,
      Instant at,
      Function<SqlConnection, Uni<Void>> alsoIfNew) {
    return router
        .write(
            router.route(userId),
            tx ->
                tx.preparedQuery(
                        "insert into " + side.table + " values ($1, $2, $3) on conflict do nothing")
                    .execute(Tuple.of(userId, otherId, at.atOffset(ZoneOffset.UTC)))
                    .chain(rows -> changed(tx, side, userId, rows.rowCount(), +1, alsoIfNew)))
        .map(ShardRouter.Written::value);
  }

  /** Removes the edge from {@code userId}'s list on {@code side}; true if it was there. */
  public Uni<Boolean> remove(
      Side side, long userId, long otherId, Function<SqlConnection, Uni<Void>> alsoIfRemoved) {
    return router
        .write(
            router.route(userId),
            tx ->
                tx.preparedQuery(
                        "delete from "
                            + side.table
                            + " where user_id = $1 and "
                            + side.other
                            + " = $2")
                    .execute(Tuple.of(userId, otherId))
                    .chain(rows -> changed(tx, side, userId, rows.rowCount(), -1, alsoIfRemoved)))
        .map(ShardRouter.Written::value);
  }

  private Uni<Boolean> changed(
      SqlConnection tx,
      Side side,
      long userId,
      int rows,
      int delta,
      Function<SqlConnection, Uni<Void>> also) {
    if (rows == 0) {
      return Uni.createFrom().item(false);
    }
    String column = side.counter;
    return tx.preparedQuery(
            "insert into graph_counts (user_id, "
                + column
                + ") values ($1, greatest($2, 0)) on conflict (user_id) do update set "
                + column
                + " = greatest(graph_counts."
                + column
                + " + $2, 0)")
        .execute(Tuple.of(userId, delta))
        .chain(() -> also.apply(tx))
        .replaceWith(true);
  }

  /** Newest first, after {@code cursor} (null: from the start), at most {@code limit}. */
  public Uni<List<Edge>> list(Side side, long userId, Cursor cursor, int limit) {
    OffsetDateTime before =
        cursor == null
            ? null
            : Instant.EPOCH.plusNanos(cursor.micros() * 1000).atOffset(ZoneOffset.UTC);
    long beforeId = cursor == null ? 0 : cursor.id();
    String sql =
        "select "
            + side.other
            + ", created_at from "
            + side.table
            + " where user_id = $1 and ($2::timestamptz is null or (created_at, "
            + side.other
            + ") < ($2, $3)) order by created_at desc, "
            + side.other
            + " desc limit $4";
    return router.read(
        router.route(userId),
        null,
        pool ->
            pool.preparedQuery(sql)
                .execute(Tuple.of(userId, before, beforeId, limit))
                .map(
                    rows -> {
                      List<Edge> edges = new ArrayList<>();
                      for (Row row : rows) {
                        edges.add(new Edge(row.getLong(0), row.getOffsetDateTime(1).toInstant()));
                      }
                      return edges;
                    }));
  }

  /** {following, followers}; zeros for a user nobody has touched yet. */
  public Uni<long[]> counts(long userId) {
    return router.read(
        router.route(userId),
        null,
        pool ->
            pool.preparedQuery("select following, followers from graph_counts where user_id = $1")
                .execute(Tuple.of(userId))
                .map(
                    rows -> {
                      if (!rows.iterator().hasNext()) {
                        return new long[] {0, 0};
                      }
                      Row row = rows.iterator().next();
                      return new long[] {row.getLong(0), row.getLong(1)};
                    }));
  }
}
