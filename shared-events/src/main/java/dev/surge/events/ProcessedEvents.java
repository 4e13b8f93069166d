package dev.surge.events;

import dev.surge.data.ShardRouter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * The idempotency record of a consumer: one row per (consumer, event id) in {@code
 * processed_events}, written in the same transaction as the event's effect, on the same shard. A
 * redelivered event finds its row and the handler skips the effect; a rolled-back effect leaves no
 * row, so the redelivery applies it.
 */
@ApplicationScoped
public class ProcessedEvents {
  private final String consumer;
  private final ShardRouter router;

  public ProcessedEvents(EventsConfig config, ShardRouter router) {
    this.consumer = config.consumer();
    this.router = router;
  }

  /**
   * Applies {@code effect} in one transaction on {@code ownerId}'s shard together with the claim of
   * {@code claim} (an event id, or an event id plus a suffix when one event changes several shards:
   * each shard's half is claimed on its own). Emits false, and changes nothing, when the claim was
   * applied before.
   */
  public Uni<Boolean> once(long ownerId, String claim, Function<SqlConnection, Uni<?>> effect) {
    return router
        .write(
            router.route(ownerId),
            tx ->
                firstTime(tx, claim)
                    .chain(
                        first ->
                            first
                                ? effect.apply(tx).replaceWith(true)
                                : Uni.createFrom().item(false)))
        .map(ShardRouter.Written::value);
  }

  /**
   * Claims {@code eventId} for this function inside {@code tx}. Emits true the first time, false
   * for a duplicate, in which case the caller must not apply the effect again.
   */
  public Uni<Boolean> firstTime(SqlConnection tx, String eventId) {
    return tx.preparedQuery(
            "insert into processed_events (consumer, event_id) values ($1, $2)"
                + " on conflict do nothing")
        .execute(Tuple.of(consumer, eventId))
        .map(rows -> rows.rowCount() == 1);
  }
}
