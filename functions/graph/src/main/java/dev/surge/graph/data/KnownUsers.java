package dev.surge.graph.data;

import dev.surge.data.ShardRouter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The user ids graph knows exist ({@code graph_users}), on every database so that lists and counts
 * filter in the transaction or query they already make. A sign-up and a follow of the same user
 * serialize on a transaction-scoped advisory lock keyed by that user's id: whichever commits second
 * sees the other, so an edge is counted exactly once, whether it came before the sign-up or after.
 */
@ApplicationScoped
public class KnownUsers {
  private final ShardRouter router;

  public KnownUsers(ShardRouter router) {
    this.router = router;
  }

  /**
   * Records that {@code userId} exists, on every database, and counts the edges already pointing at
   * them. Idempotent: a second delivery finds the row and changes nothing.
   */
  public Uni<Void> signedUp(long userId, Instant at) {
    return router
        .onEveryInstance(
            pool ->
                pool.withTransaction(
                    tx ->
                        lock(tx, userId)
                            .chain(
                                () ->
                                    tx.preparedQuery(
                                            "insert into graph_users (user_id, known_since)"
                                                + " values ($1, $2) on conflict do nothing")
                                        .execute(Tuple.of(userId, at.atOffset(ZoneOffset.UTC))))
                            .chain(
                                rows ->
                                    rows.rowCount() == 0
                                        ? Uni.createFrom().voidItem()
                                        : countEdgesTo(tx, userId))))
        .replaceWithVoid();
  }

  private static Uni<Void> countEdgesTo(SqlConnection tx, long userId) {
    return countOn(tx, Side.FOLLOWING, userId).chain(() -> countOn(tx, Side.FOLLOWERS, userId));
  }

  /**
   * One more on {@code side} for every owner on this database with an edge to {@code userId}. In
   * user id order, so two sign-ups counting the same owners take their rows in the same order and
   * cannot deadlock.
   */
  private static Uni<Void> countOn(SqlConnection tx, Side side, long userId) {
    String sql =
        "insert into graph_counts (user_id, %1$s) select user_id, 1 from %2$s where %3$s = $1"
            + " order by user_id on conflict (user_id) do update set %1$s = graph_counts.%1$s + 1";
    return tx.preparedQuery(sql.formatted(side.counter, side.table, side.other))
        .execute(Tuple.of(userId))
        .replaceWithVoid();
  }

  /** Serializes this transaction with any other that changes what is known or counted of a user. */
  static Uni<Void> lock(SqlConnection tx, long userId) {
    return tx.preparedQuery("select 1 from (select pg_advisory_xact_lock($1)) locked")
        .execute(Tuple.of(userId))
        .replaceWithVoid();
  }
}
