package dev.surge.graph.data;

import static dev.surge.model.events.EventTypes.GRAPH_FOLLOWED;
import static dev.surge.model.events.EventTypes.GRAPH_TOPIC;
import static dev.surge.model.events.EventTypes.GRAPH_UNFOLLOWED;

import dev.surge.data.ShardRouter;
import dev.surge.events.outbox.EventOutbox;
import dev.surge.events.outbox.OutboxRelay;
import dev.surge.model.events.Followed;
import dev.surge.model.events.Unfollowed;
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

/**
 * Edges on their owners' shards: a follow is two rows, the follower's (with the event, in the same
 * transaction) and then the target's, each on its own shard. If the target's shard is down the
 * request fails with 503 after the first half; the same request again finishes it and emits nothing
 * twice, because every write is idempotent (insert on conflict do nothing, delete of what is there)
 * and counts and events move only when a row really changed.
 */
@ApplicationScoped
public class GraphRepository {
  /** A listed edge: the other user and when the edge was made. */
  public record Edge(long otherId, Instant at) {}

  /** How many users someone follows and is followed by. */
  public record Counts(long following, long followers) {}

  private final ShardRouter router;
  private final EventOutbox outbox;
  private final OutboxRelay relay;

  public GraphRepository(ShardRouter router, EventOutbox outbox, OutboxRelay relay) {
    this.router = router;
    this.outbox = outbox;
    this.relay = relay;
  }

  /** Writes both halves of the follow; the event goes out with the follower's new edge. */
  public Uni<Void> follow(Followed event) {
    OffsetDateTime at = event.at().atOffset(ZoneOffset.UTC);
    return bothHalves(
        event.followerId(),
        event.targetId(),
        (tx, side, user, other) -> add(tx, side, user, other, at),
        GRAPH_FOLLOWED,
        event);
  }

  /** Removes both halves of the follow; the event goes out with the follower's removed edge. */
  public Uni<Void> unfollow(Unfollowed event) {
    return bothHalves(
        event.followerId(), event.targetId(), GraphRepository::remove, GRAPH_UNFOLLOWED, event);
  }

  /** A change to {@code user}'s edge to {@code other} on {@code side}: emits if a row changed. */
  private interface EdgeChange {
    Uni<Boolean> apply(SqlConnection tx, Side side, long user, long other);
  }

  private Uni<Void> bothHalves(
      String followerId, String targetId, EdgeChange change, String type, Object event) {
    long follower = Long.parseLong(followerId);
    long target = Long.parseLong(targetId);
    return router
        .write(
            follower,
            tx ->
                change
                    .apply(tx, Side.FOLLOWING, follower, target)
                    .call(
                        changed ->
                            changed
                                ? announce(tx, follower, type, event)
                                : Uni.createFrom().voidItem()))
        .chain(() -> router.write(target, tx -> change.apply(tx, Side.FOLLOWERS, target, follower)))
        .invoke(relay::nudge)
        .replaceWithVoid();
  }

  private static Uni<Boolean> add(
      SqlConnection tx, Side side, long user, long other, OffsetDateTime at) {
    return tx.preparedQuery(
            "insert into " + side.table + " values ($1, $2, $3) on conflict do nothing")
        .execute(Tuple.of(user, other, at))
        .chain(rows -> count(tx, side, user, rows.rowCount(), +1));
  }

  private static Uni<Boolean> remove(SqlConnection tx, Side side, long user, long other) {
    return tx.preparedQuery(
            "delete from " + side.table + " where user_id = $1 and " + side.other + " = $2")
        .execute(Tuple.of(user, other))
        .chain(rows -> count(tx, side, user, rows.rowCount(), -1));
  }

  /** Moves the user's counter on {@code side} only if a row really changed; emits whether. */
  private static Uni<Boolean> count(SqlConnection tx, Side side, long user, int rows, int delta) {
    if (rows == 0) {
      return Uni.createFrom().item(false);
    }
    String sql =
        "insert into graph_counts (user_id, %1$s) values ($1, greatest($2, 0)) on conflict"
            + " (user_id) do update set %1$s = greatest(graph_counts.%1$s + $2, 0)";
    return tx.preparedQuery(sql.formatted(side.counter))
        .execute(Tuple.of(user, delta))
        .replaceWith(true);
  }

  private Uni<Void> announce(SqlConnection tx, long follower, String type, Object event) {
    return outbox.append(tx, follower, GRAPH_TOPIC, type, Long.toString(follower), event);
  }

  /** Newest first, after {@code after} (null: from the start), at most {@code limit}. */
  public Uni<List<Edge>> list(Side side, long userId, Edge after, int limit) {
    OffsetDateTime before = after == null ? null : after.at().atOffset(ZoneOffset.UTC);
    long beforeId = after == null ? 0 : after.otherId();
    String sql =
        "select %2$s, created_at from %1$s where user_id = $1 and ($2::timestamptz is null"
            + " or (created_at, %2$s) < ($2, $3)) order by created_at desc, %2$s desc limit $4";
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

  /** Zeros for a user nobody has touched yet. */
  public Uni<Counts> counts(long userId) {
    return router.read(
        userId,
        null,
        pool ->
            pool.preparedQuery("select following, followers from graph_counts where user_id = $1")
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
