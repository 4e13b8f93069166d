package dev.surge.feed.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.events.EventHandler;
import dev.surge.events.ReceivedEvent;
import dev.surge.feed.data.Cards;
import dev.surge.feed.data.FeedStore;
import dev.surge.feed.data.Timelines;
import dev.surge.feed.domain.FeedConfig;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.Followed;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Follows and unfollows: the follower's list (follower's shard), the author's follower list and
 * count (author's shard), whether the author is now a celebrity, and the follower's timeline is
 * dropped so the next read rebuilds it with (or without) the author's posts.
 */
@ApplicationScoped
public class GraphEvents implements EventHandler {
  private final FeedStore store;
  private final Timelines timelines;
  private final Cards cards;
  private final FeedConfig config;
  private final ObjectMapper json;

  public GraphEvents(
      FeedStore store, Timelines timelines, Cards cards, FeedConfig config, ObjectMapper json) {
    this.store = store;
    this.timelines = timelines;
    this.cards = cards;
    this.config = config;
    this.json = json;
  }

  @Override
  public boolean accepts(String type) {
    return EventTypes.GRAPH_FOLLOWED.equals(type) || EventTypes.GRAPH_UNFOLLOWED.equals(type);
  }

  @Override
  public Uni<Void> handle(ReceivedEvent event) {
    // Followed and Unfollowed have the same shape.
    Followed edge = event.dataAs(json, Followed.class);
    long follower = ReceivedEvent.parseId("followerId", edge.followerId());
    long author = ReceivedEvent.parseId("targetId", edge.targetId());
    boolean follow = EventTypes.GRAPH_FOLLOWED.equals(event.type());
    Uni<Boolean> mine =
        store.once(
            follower,
            event.id(),
            tx ->
                follow
                    ? FeedStore.exec(
                        tx,
                        "insert into feed_follows values ($1, $2, $3) on conflict do nothing",
                        follower,
                        author,
                        FeedStore.at(edge.at()))
                    : FeedStore.exec(
                        tx,
                        "delete from feed_follows where follower_id = $1 and author_id = $2",
                        follower,
                        author));
    Uni<Boolean> theirs =
        store.once(
            author,
            event.id() + "#author",
            tx ->
                tx.preparedQuery(
                        follow
                            ? "insert into feed_followers values ($1, $2) on conflict do nothing"
                            : "delete from feed_followers where author_id = $1 and follower_id = $2")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(author, follower))
                    .chain(
                        rows ->
                            rows.rowCount() == 0
                                ? Uni.createFrom().voidItem()
                                : FeedStore.addFollowers(tx, author, follow ? 1 : -1)
                                    .replaceWithVoid()));
    return mine.chain(() -> theirs)
        .chain(() -> store.followers(author))
        .chain(count -> cards.celebrity(author, count > config.celebrityThreshold()))
        .chain(() -> timelines.drop(follower));
  }
}
