package dev.surge.recommendations.events;

import dev.surge.events.EventHandler;
import dev.surge.events.ProcessedEvents;
import dev.surge.events.ReceivedEvent;
import dev.surge.model.events.EventTypes;
import dev.surge.recommendations.data.RecommendationStore;
import dev.surge.recommendations.domain.RecommendationService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sign-ups get the welcome list; follows and unfollows update the follow projection (follower's
 * shard), the target's popularity (target's shard, each half claimed once), and the follower's
 * list. List preparation is a recomputation, so a redelivered event redoes it harmlessly.
 */
@ApplicationScoped
public class RecommendationEvents implements EventHandler {
  private final ProcessedEvents processed;
  private final RecommendationStore store;
  private final RecommendationService service;

  public RecommendationEvents(
      ProcessedEvents processed, RecommendationStore store, RecommendationService service) {
    this.processed = processed;
    this.store = store;
    this.service = service;
  }

  @Override
  public boolean accepts(String type) {
    return EventTypes.USER_SIGNED_UP.equals(type)
        || EventTypes.GRAPH_FOLLOWED.equals(type)
        || EventTypes.GRAPH_UNFOLLOWED.equals(type);
  }

  @Override
  public Uni<Void> handle(ReceivedEvent event) {
    if (EventTypes.USER_SIGNED_UP.equals(event.type())) {
      return service.welcome(event.id("userId"));
    }
    long follower = event.id("followerId");
    long target = event.id("targetId");
    boolean follow = EventTypes.GRAPH_FOLLOWED.equals(event.type());
    return processed
        .once(
            follower,
            event.id(),
            tx ->
                tx.preparedQuery(
                        follow
                            ? "insert into rec_follows values ($1, $2) on conflict do nothing"
                            : "delete from rec_follows where follower_id = $1 and target_id = $2")
                    .execute(Tuple.of(follower, target)))
        .chain(
            () ->
                processed.once(
                    target,
                    event.id() + "#target",
                    tx ->
                        tx.preparedQuery(
                                "insert into rec_popularity values ($1, greatest($2, 0))"
                                    + " on conflict (user_id) do update set followers ="
                                    + " greatest(rec_popularity.followers + $2, 0) returning followers")
                            .execute(Tuple.of(target, follow ? 1 : -1))
                            .chain(
                                rows ->
                                    store.setPopularity(
                                        target, rows.iterator().next().getLong(0)))))
        .chain(() -> service.refresh(follower));
  }
}
