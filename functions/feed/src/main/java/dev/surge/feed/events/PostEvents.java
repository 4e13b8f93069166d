package dev.surge.feed.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.events.EventHandler;
import dev.surge.events.PoisonEvent;
import dev.surge.events.ReceivedEvent;
import dev.surge.feed.data.Cards;
import dev.surge.feed.data.FeedStore;
import dev.surge.feed.data.Timelines;
import dev.surge.feed.domain.FeedConfig;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.PostCreated;
import dev.surge.model.events.PostDeleted;
import dev.surge.model.posts.PostView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * New and deleted posts. A new post is copied (database and Redis), added to its author's recent
 * list and, for an ordinary author, pushed into every follower's timeline: fan-out on write. A
 * celebrity's post stays in the author's list and is merged at read time. Redis steps are
 * idempotent (set adds keyed by id), so a redelivered event may redo them harmlessly.
 */
@ApplicationScoped
public class PostEvents implements EventHandler {
  private final FeedStore store;
  private final Timelines timelines;
  private final Cards cards;
  private final FeedConfig config;
  private final ObjectMapper json;

  public PostEvents(
      FeedStore store, Timelines timelines, Cards cards, FeedConfig config, ObjectMapper json) {
    this.store = store;
    this.timelines = timelines;
    this.cards = cards;
    this.config = config;
    this.json = json;
  }

  @Override
  public boolean accepts(String type) {
    return EventTypes.POST_CREATED.equals(type) || EventTypes.POST_DELETED.equals(type);
  }

  @Override
  public Uni<Void> handle(ReceivedEvent event) {
    if (EventTypes.POST_DELETED.equals(event.type())) {
      return deleted(event.id(), event.dataAs(json, PostDeleted.class));
    }
    PostView post = event.dataAs(json, PostCreated.class).post();
    if (post == null) {
      throw new PoisonEvent("post is required");
    }
    return created(event.id(), post);
  }

  private Uni<Void> created(String eventId, PostView post) {
    long id = ReceivedEvent.parseId("id", post.id());
    long author = ReceivedEvent.parseId("authorId", post.authorId());
    String body = write(post);
    return store
        .once(
            author,
            eventId,
            tx ->
                FeedStore.exec(
                    tx,
                    "insert into feed_posts values ($1, $2, $3, $4) on conflict do nothing",
                    id,
                    author,
                    body,
                    FeedStore.at(post.createdAt())))
        .chain(() -> cards.putPost(id, body))
        .chain(() -> timelines.addRecent(author, id))
        .chain(() -> store.followers(author))
        .chain(
            count ->
                count > config.celebrityThreshold()
                    ? Uni.createFrom().voidItem()
                    : store
                        .followersOf(author)
                        .onItem()
                        .transformToMulti(followers -> Multi.createFrom().iterable(followers))
                        .onItem()
                        .transformToUni(follower -> timelines.addHome(follower, id))
                        .merge(32)
                        .collect()
                        .last()
                        .replaceWithVoid());
  }

  private Uni<Void> deleted(String eventId, PostDeleted gone) {
    long id = ReceivedEvent.parseId("postId", gone.postId());
    long author = ReceivedEvent.parseId("authorId", gone.authorId());
    // Followers' timelines keep the id; reads skip ids whose body is gone.
    return store
        .once(author, eventId, tx -> FeedStore.exec(tx, "delete from feed_posts where id = $1", id))
        .chain(() -> cards.dropPost(id))
        .chain(() -> timelines.remove(Timelines.recent(author), id));
  }

  private String write(PostView post) {
    try {
      return json.writeValueAsString(post);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
