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
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Edges on their owners' shards: a follow is two rows, the follower's (with the event, in the same
 * transaction) and then the target's, each on its own shard. If the target's shard is down the
 * request fails with 503 after the first half; the same request again finishes it and emits nothing
 * twice, because every write is idempotent (insert on conflict do nothing, delete of what is there)
 * and counts and events move only when a row really changed. The edge is stored whether or not its
 * other side is a known user ({@link KnownUsers}); the counter moves only if it is (a later sign-up
 * counts the edges that were waiting for it).
 */
@ApplicationScoped
public class GraphRepository {
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
    return KnownUsers.lock(tx, other)
        .chain(
            () ->
                tx.preparedQuery(
                        "insert into " + side.table + " values ($1, $2, $3) on conflict do nothing")
                    .execute(Tuple.of(user, other, at)))
        .chain(rows -> count(tx, side, user, other, rows.rowCount(), +1));
  }

  private static Uni<Boolean> remove(SqlConnection tx, Side side, long user, long other) {
    return KnownUsers.lock(tx, other)
        .chain(
            () ->
                tx.preparedQuery(
                        "delete from "
                            + side.table
                            + " where user_id = $1 and "
                            + side.other
                            + " = $2")
                    .execute(Tuple.of(user, other)))
        .chain(rows -> count(tx, side, user, other, rows.rowCount(), -1));
  }

  /**
   * Emits whether a row really changed; if it did and {@code other} is a known user, moves the
   * user's counter on {@code side} (an edge to an unknown id is counted by its sign-up instead).
   */
  private static Uni<Boolean> count(
      SqlConnection tx, Side side, long user, long other, int rows, int delta) {
    if (rows == 0) {
      return Uni.createFrom().item(false);
    }
    String sql =
        "insert into graph_counts (user_id, %1$s) select $1, greatest($2, 0) where exists"
            + " (select 1 from graph_users where user_id = $3) on conflict (user_id)"
            + " do update set %1$s = greatest(graph_counts.%1$s + $2, 0)";
    return tx.preparedQuery(sql.formatted(side.counter))
        .execute(Tuple.of(user, delta, other))
        .replaceWith(true);
  }

  private Uni<Void> announce(SqlConnection tx, long follower, String type, Object event) {
    return outbox.append(tx, follower, GRAPH_TOPIC, type, Long.toString(follower), event);
  }
}
