package dev.surge.feed.domain;

import dev.surge.feed.config.FeedConfig;
import dev.surge.feed.data.Cards;
import dev.surge.feed.data.Follows;
import dev.surge.feed.data.Timelines;
import dev.surge.guard.Switches;
import dev.surge.model.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A home timeline: whom the caller follows, then the caller's fanned-out timeline merged with the
 * recent posts of the celebrities among them, newest first, then each post and its author. Every
 * step reads the feed's own stores; no call to another function. With the {@code feed-cached-only}
 * kill switch on, the celebrity merge (one read per celebrity followed) is skipped: the caller gets
 * the fanned-out timeline alone, the cheapest page there is.
 */
@ApplicationScoped
public class FeedService {
  private final Follows follows;
  private final Timelines timelines;
  private final Cards cards;
  private final Switches switches;
  private final FeedConfig config;

  public FeedService(
      Follows follows, Timelines timelines, Cards cards, Switches switches, FeedConfig config) {
    this.follows = follows;
    this.timelines = timelines;
    this.cards = cards;
    this.switches = switches;
    this.config = config;
  }

  /** Up to {@code limit} items older than the id {@code before}, newest first. */
  public Uni<Page<FeedItem>> home(long me, long before, int limit) {
    // Read a little more than a page: some ids may belong to deleted posts and drop out.
    int window = limit + 16;
    boolean cachedOnly = switches.on("feed-cached-only");
    return follows
        .followees(me)
        .chain(
            followees ->
                Uni.combine()
                    .all()
                    .unis(
                        timelines.home(me, followees.ordinary(), before, window),
                        cachedOnly
                            ? Uni.createFrom().item(List.<Long>of())
                            : timelines.recent(followees.celebrities(), before, window))
                    .with((own, theirs) -> merge(own, theirs, before, limit + 8)))
        .chain(this::hydrate)
        .map(items -> items.stream().limit(limit).toList())
        .map(items -> new Page<>(items, items.size() < limit ? null : items.getLast().post().id()))
        .ifNoItem()
        .after(config.readTimeout())
        .fail();
  }

  /** Both lists as one, newest first, without duplicates and without ids at or after before. */
  private static List<Long> merge(List<Long> own, List<Long> theirs, long before, int max) {
    TreeSet<Long> all = new TreeSet<>(Comparator.reverseOrder());
    all.addAll(own);
    all.addAll(theirs);
    return all.stream().filter(id -> id < before).limit(max).toList();
  }

  /** The items of these post ids, in order, without the posts deleted since they were listed. */
  private Uni<List<FeedItem>> hydrate(List<Long> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<Uni<FeedItem>> items = new ArrayList<>();
    for (long id : ids) {
      items.add(item(id));
    }
    return Uni.join()
        .all(items)
        .andFailFast()
        .map(all -> all.stream().filter(Objects::nonNull).toList());
  }

  private Uni<FeedItem> item(long id) {
    return cards
        .post(id)
        .chain(
            post ->
                post == null
                    ? Uni.createFrom().nullItem()
                    : cards
                        .author(Long.parseLong(post.authorId()))
                        .map(author -> new FeedItem(post, author)));
  }
}
