package dev.surge.graph.data;

import dev.surge.data.ShardRouter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists and counts, each one query on the owner's shard. Only edges between known users are shown
 * (issue 12): {@code graph_users} is on every database, so the check joins in the same query.
 */
@ApplicationScoped
public class GraphReads {
  /** A listed edge: the other user and when the edge was made. */
  public record Edge(long otherId, Instant at) {}

  /** How many users someone follows and is followed by. */
  public record Counts(long following, long followers) {}

  private final ShardRouter router;

  public GraphReads(ShardRouter router) {
    this.router = router;
  }

  /**
   * Newest first, after {@code after} (null: from the start), at most {@code limit}; only edges
   * between known users (the owner and the other side), checked in the same query on the same
   * database.
   */
  public Uni<List<Edge>> list(Side side, long userId, Edge after, int limit) {
    OffsetDateTime before = after == null ? null : after.at().atOffset(ZoneOffset.UTC);
    long beforeId = after == null ? 0 : after.otherId();
    String sql =
        "select e.%2$s, e.created_at from %1$s e join graph_users u on u.user_id = e.%2$s"
            + " where e.user_id = $1 and exists (select 1 from graph_users where user_id = $1)"
            + " and ($2::timestamptz is null or (e.created_at, e.%2$s) < ($2, $3))"
            + " order by e.created_at desc, e.%2$s desc limit $4";
    return router.read(
        userId,
        null,
        pool ->
            pool.preparedQuery(sql.formatted(side.table, side.other))
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

  /**
   * Zeros for a user nobody has touched yet, and for an unknown user: an edge counts only when both
   * its sides are known (the counters already take in only known other sides).
   */
  public Uni<Counts> counts(long userId) {
    return router.read(
        userId,
        null,
        pool ->
            pool.preparedQuery(
                    "select c.following, c.followers from graph_counts c join graph_users u"
                        + " on u.user_id = c.user_id where c.user_id = $1")
                .execute(Tuple.of(userId))
                .map(
                    rows -> {
                      var found = rows.iterator();
                      if (!found.hasNext()) {
                        return new Counts(0, 0);
                      }
                      Row row = found.next();
                      return new Counts(row.getLong(0), row.getLong(1));
                    }));
  }
}
