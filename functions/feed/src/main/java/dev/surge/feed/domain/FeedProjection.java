package dev.surge.feed.domain;

import dev.surge.feed.config.FeedConfig;
import dev.surge.feed.data.Cards;
import dev.surge.feed.data.Follows;
import dev.surge.feed.data.Timelines;
import dev.surge.model.posts.PostView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Keeps the feed's own copies current from graph, posts and users events, so that a feed read never
 * calls another function. Each step is applied once per event (the stores claim the event id with
 * the database write) or is idempotent by nature (Redis set adds keyed by id).
 */
@ApplicationScoped
public class FeedProjection {
  private final Follows follows;
  private final Timelines timelines;
  private final Cards cards;
  private final FeedConfig config;

  public FeedProjection(Follows follows, Timelines timelines, Cards cards, FeedConfig config) {
    this.follows = follows;
    this.timelines = timelines;
    this.cards = cards;
    this.config = config;
  }

  /**
   * A follow or unfollow: the author may become (or stop being) a celebrity, and the follower's
   * timeline is dropped so that the next read rebuilds it with (or without) the author's posts.
   */
  public Uni<Void> followChanged(
      String eventId, long follower, long author, Instant at, boolean follow) {
    return follows
        .change(eventId, follower, author, at, follow)
        .chain(() -> follows.followerCount(author))
        .chain(count -> follows.markCelebrity(author, isCelebrity(count)))
        .chain(() -> timelines.drop(follower));
  }

  /**
   * A new post is copied and added to its author's recent list; an ordinary author's post is also
   * pushed into every follower's timeline (fan-out on write). A celebrity's post stays in the
   * author's list and is merged at read time.
   */
  public Uni<Void> posted(String eventId, long id, long author, PostView post) {
    return cards
        .savePost(eventId, id, author, post)
        .chain(() -> timelines.addRecent(author, id))
        .chain(() -> follows.followerCount(author))
        .chain(
            count ->
                isCelebrity(count)
                    ? Uni.createFrom().voidItem()
                    : follows.followersOf(author).chain(all -> timelines.fanOut(all, id)));
  }

  /** Followers' timelines keep the id; reads skip ids whose post is gone. */
  public Uni<Void> deleted(String eventId, long id, long author) {
    return cards.deletePost(eventId, id, author).chain(() -> timelines.removeRecent(author, id));
  }

  /** A sign-up or profile edit: the author card feed items show. */
  public Uni<Void> authorChanged(String eventId, long id, String handle, String name) {
    return cards.saveAuthor(eventId, id, handle, name);
  }

  /** Celebrities are not fanned out on write: one post would mean that many Redis writes. */
  private boolean isCelebrity(long followers) {
    return followers > config.celebrityThreshold();
  }
}
