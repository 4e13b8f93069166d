package dev.surge.feed.data;

import dev.surge.data.ShardRouter;
import dev.surge.feed.config.FeedConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Home timelines and author lists in Redis: sorted sets of post ids scored by the id's time and
 * shard bits ({@code id >> 12}, exact in a double). A home timeline holds the member {@code "0"}
 * (score 0) once it has been built from the database; fan-out adds to it whether built or not, so a
 * post that arrives while a rebuild runs is never lost. Keys carry the user id as a hash tag.
 */
@ApplicationScoped
public class Timelines {
  private static final String BUILT = "0";
  // Add, keep the newest ARGV[3] plus the marker, and give keys made by fan-out an expiry.
  private static final String ADD =
      "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])"
          + " redis.call('ZREMRANGEBYRANK', KEYS[1], 1, -(tonumber(ARGV[3]) + 2))"
          + " if redis.call('TTL', KEYS[1]) == -1 then redis.call('EXPIRE', KEYS[1], ARGV[4]) end"
          + " return 1";
  // Followers' timelines written at the same time by one post's fan-out.
  private static final int FAN_OUT = 32;

  private final ReactiveRedisDataSource redis;
  private final ReactiveSortedSetCommands<String, String> sortedSets;
  private final ReactiveKeyCommands<String> keys;
  private final ShardRouter router;
  private final FeedConfig config;
  // A list expires four body lifetimes after a rebuild, or after the fan-out that created it.
  private final Duration expiry;

  public Timelines(ReactiveRedisDataSource redis, ShardRouter router, FeedConfig config) {
    this.redis = redis;
    this.sortedSets = redis.sortedSet(String.class);
    this.keys = redis.key();
    this.router = router;
    this.config = config;
    this.expiry = config.bodyTtl().multipliedBy(4);
  }

  private static String homeKey(long user) {
    return "feed:tl:{" + user + "}";
  }

  private static String recentKey(long author) {
    return "feed:author:{" + author + "}";
  }

  private static double score(long postId) {
    return postId >> 12;
  }

  /**
   * Up to {@code count} ids of {@code user}'s home timeline up to {@code before}, newest first. A
   * timeline Redis does not have is first rebuilt from the recent posts of {@code authors} (the
   * followees fanned out on write), one query per shard holding them.
   */
  public Uni<List<Long>> home(long user, List<Long> authors, long before, int count) {
    return sortedSets
        .zscore(homeKey(user), BUILT)
        .chain(built -> built != null ? Uni.createFrom().voidItem() : rebuild(user, authors))
        .chain(() -> newest(homeKey(user), before, count));
  }

  /** Up to {@code count} ids of each author's recent posts up to {@code before}, in no order. */
  public Uni<List<Long>> recent(List<Long> authors, long before, int count) {
    if (authors.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<Uni<List<Long>>> reads = new ArrayList<>();
    for (long author : authors) {
      reads.add(newest(recentKey(author), before, count));
    }
    return Uni.join()
        .all(reads)
        .andFailFast()
        .map(lists -> lists.stream().flatMap(List::stream).toList());
  }

  public Uni<Void> addRecent(long author, long postId) {
    return add(recentKey(author), postId, config.authorRecentSize());
  }

  /** Pushes a post into each follower's home timeline: fan-out on write. */
  public Uni<Void> fanOut(List<Long> followers, long postId) {
    return Multi.createFrom()
        .iterable(followers)
        .onItem()
        .transformToUni(follower -> add(homeKey(follower), postId, config.timelineSize()))
        .merge(FAN_OUT)
        .collect()
        .last()
        .replaceWithVoid();
  }

  public Uni<Void> removeRecent(long author, long postId) {
    return sortedSets.zrem(recentKey(author), Long.toString(postId)).replaceWithVoid();
  }

  /** Forgets a home timeline; the next read rebuilds it from the database. */
  public Uni<Void> drop(long user) {
    return keys.del(homeKey(user)).replaceWithVoid();
  }

  private Uni<Void> rebuild(long user, List<Long> authors) {
    int size = config.timelineSize();
    return router
        .readByShard(
            authors,
            (pool, group) ->
                pool.preparedQuery(
                        "select id from feed_posts where author_id = any($1)"
                            + " order by id desc limit $2")
                    .execute(Tuple.of(group.toArray(Long[]::new), size))
                    .map(rows -> rows.stream().map(row -> row.getLong(0)).toList()))
        .map(
            lists ->
                lists.stream()
                    .flatMap(List::stream)
                    .sorted(Comparator.reverseOrder())
                    .limit(size)
                    .toList())
        .chain(ids -> build(user, ids));
  }

  /** Marks the timeline built with these post ids (added to whatever fan-out put there). */
  private Uni<Void> build(long user, List<Long> postIds) {
    Map<String, Double> members = new HashMap<>();
    members.put(BUILT, 0.0);
    for (long id : postIds) {
      members.put(Long.toString(id), score(id));
    }
    return sortedSets
        .zadd(homeKey(user), members)
        .chain(() -> keys.expire(homeKey(user), expiry))
        .replaceWithVoid();
  }

  /**
   * ZRANGE BYSCORE REV takes its range as max then min, and the typed API sends a bounded range in
   * the order given: from {@code before}'s score down to, not including, the built marker's 0.
   * {@code before} is at most Long.MAX_VALUE, whose score is above every id's.
   */
  private Uni<List<Long>> newest(String key, long before, int count) {
    return sortedSets
        .zrangebyscore(
            key,
            new ScoreRange<>(score(before), true, 0.0, false),
            new ZRangeArgs().rev().limit(0, count))
        .map(ids -> ids.stream().map(Long::valueOf).toList());
  }

  private Uni<Void> add(String key, long postId, int size) {
    return redis
        .execute(
            Command.EVAL,
            ADD,
            "1",
            key,
            Double.toString(score(postId)),
            Long.toString(postId),
            Integer.toString(size),
            Long.toString(expiry.toSeconds()))
        .replaceWithVoid();
  }
}
