package dev.surge.feed.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.data.ShardRouter;
import dev.surge.feed.api.AuthorView;
import dev.surge.feed.api.FeedItem;
import dev.surge.feed.data.Cards;
import dev.surge.feed.data.FeedStore;
import dev.surge.feed.data.Timelines;
import dev.surge.model.Page;
import dev.surge.model.posts.PostView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A home timeline: the caller's fanned-out timeline (rebuilt from the database when Redis has
 * none), merged with the recent posts of the celebrities the caller follows, newest first, then
 * hydrated from Redis with the feed's database copies as fallback. No call to another function.
 */
@ApplicationScoped
public class FeedService {
  private final Timelines timelines;
  private final Cards cards;
  private final FeedStore store;
  private final ShardRouter router;
  private final FeedConfig config;
  private final ObjectMapper json;

  public FeedService(
      Timelines timelines,
      Cards cards,
      FeedStore store,
      ShardRouter router,
      FeedConfig config,
      ObjectMapper json) {
    this.timelines = timelines;
    this.cards = cards;
    this.store = store;
    this.router = router;
    this.config = config;
    this.json = json;
  }

  public Uni<Page<FeedItem>> home(long me, long before, int limit) {
    int want = Math.min(limit, config.maxPageSize());
    return followees(me)
        .chain(
            followees ->
                cards
                    .celebritiesAmong(followees)
                    .chain(
                        celebs ->
                            ensureBuilt(
                                    me,
                                    followees.stream().filter(a -> !celebs.contains(a)).toList())
                                .chain(
                                    () -> timelines.newest(Timelines.home(me), before, want + 16))
                                .chain(
                                    own ->
                                        celebrityPosts(celebs, before, want)
                                            .map(theirs -> merge(own, theirs, before, want)))))
        .chain(this::hydrate)
        .map(items -> items.stream().limit(want).toList())
        .map(items -> new Page<>(items, items.size() < want ? null : items.getLast().post().id()));
  }

  /** From Redis; on a miss from the feed's follow table, then kept (GraphEvents drops it). */
  private Uni<List<Long>> followees(long me) {
    return timelines
        .followeesOf(me)
        .chain(
            cached ->
                cached != null
                    ? Uni.createFrom().item(cached)
                    : store.followeesOf(me).call(list -> timelines.keepFollowees(me, list)));
  }

  /** Rebuilds a missing timeline from the posts of {@code ordinary} (non-celebrity) followees. */
  private Uni<Void> ensureBuilt(long me, List<Long> ordinary) {
    return timelines
        .built(me)
        .chain(
            built -> {
              if (built || ordinary.isEmpty()) {
                return built ? Uni.createFrom().voidItem() : timelines.build(me, List.of());
              }
              // One query per shard holding followees, newest first.
              Map<Integer, List<Long>> byShard =
                  ordinary.stream().collect(Collectors.groupingBy(a -> router.route(a).shard()));
              List<Uni<List<Long>>> reads = new ArrayList<>();
              for (List<Long> authors : byShard.values()) {
                reads.add(
                    store
                        .recentPosts(authors.getFirst(), authors, config.timelineSize())
                        .map(rows -> rows.stream().map(r -> r.getLong(0)).toList()));
              }
              return Uni.join()
                  .all(reads)
                  .andFailFast()
                  .chain(lists -> timelines.build(me, newest(lists, config.timelineSize())));
            });
  }

  private Uni<List<Long>> celebrityPosts(Collection<Long> celebs, long before, int want) {
    if (celebs.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<Uni<List<Long>>> reads = new ArrayList<>();
    for (long celeb : celebs) {
      reads.add(timelines.newest(Timelines.recent(celeb), before, want + 16));
    }
    return Uni.join().all(reads).andFailFast().map(lists -> newest(lists, Integer.MAX_VALUE));
  }

  private static List<Long> merge(List<Long> own, List<Long> theirs, long before, int want) {
    TreeSet<Long> all = new TreeSet<>(java.util.Comparator.reverseOrder());
    all.addAll(own);
    all.addAll(theirs);
    // A little more than a page: some ids may belong to deleted posts and drop out.
    return all.stream().filter(id -> id < before).limit(want + 8L).toList();
  }

  private static List<Long> newest(List<List<Long>> lists, int max) {
    return lists.stream()
        .flatMap(List::stream)
        .sorted(java.util.Comparator.reverseOrder())
        .limit(max)
        .toList();
  }

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
        .postJson(id)
        .chain(body -> body != null ? Uni.createFrom().item(body) : store.postBody(id))
        .chain(
            body -> {
              if (body == null) {
                return Uni.createFrom().nullItem(); // deleted
              }
              PostView post = read(body, PostView.class);
              long author = Long.parseLong(post.authorId());
              return author(author).map(card -> new FeedItem(post, card));
            });
  }

  private Uni<AuthorView> author(long id) {
    return cards
        .authorJson(id)
        .chain(
            body ->
                body != null
                    ? Uni.createFrom().item(read(body, AuthorView.class))
                    : store.author(id))
        .map(card -> card != null ? card : new AuthorView(Long.toString(id), null, null));
  }

  private <T> T read(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("corrupt feed copy", e);
    }
  }
}
