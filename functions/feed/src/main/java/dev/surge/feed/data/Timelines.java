package dev.surge.feed.data;

import dev.surge.feed.domain.FeedConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Home timelines, author lists and followee lists in Redis. Timelines and author lists are sorted
 * sets of post ids scored by the id's time and shard bits ({@code id >> 12}, exact in a double). A
 * timeline holds the member {@code "0"} (score 0) once it has been built from the database; fan-out
 * adds to it whether built or not, so a post that arrives while a rebuild runs is never lost. Keys
 * carry the user id as a hash tag.
 */
@ApplicationScoped
public class Timelines {
  static final String BUILT = "0";
  // Add, keep the newest ARGV[3] plus the marker, and give keys made by fan-out an expiry.
  private static final String ADD =
      "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])"
          + " redis.call('ZREMRANGEBYRANK', KEYS[1], 1, -(tonumber(ARGV[3]) + 2))"
          + " if redis.call('TTL', KEYS[1]) == -1 then redis.call('EXPIRE', KEYS[1], ARGV[4]) end"
          + " return 1";

  private final ReactiveRedisDataSource redis;
  private final FeedConfig config;

  public Timelines(ReactiveRedisDataSource redis, FeedConfig config) {
    this.redis = redis;
    this.config = config;
  }

  public static String home(long user) {
    return "feed:tl:{" + user + "}";
  }

  public static String recent(long author) {
    return "feed:author:{" + author + "}";
  }

  public static String followees(long user) {
    return "feed:fe:{" + user + "}";
  }

  public static double score(long postId) {
    return postId >> 12;
  }

  public Uni<Void> addHome(long user, long postId) {
    return add(home(user), postId, config.timelineSize());
  }

  public Uni<Void> addRecent(long author, long postId) {
    return add(recent(author), postId, config.authorRecentSize());
  }

  private Uni<Void> add(String key, long postId, int size) {
    return redis
        .execute(
            "EVAL",
            ADD,
            "1",
            key,
            Double.toString(score(postId)),
            Long.toString(postId),
            Integer.toString(size),
            Long.toString(config.bodyTtl().multipliedBy(4).toSeconds()))
        .replaceWithVoid();
  }

  public Uni<Void> remove(String key, long postId) {
    return redis.execute("ZREM", key, Long.toString(postId)).replaceWithVoid();
  }

  /** Forget a home timeline and followee list; the next read rebuilds them from the database. */
  public Uni<Void> drop(long user) {
    return redis.execute("DEL", home(user), followees(user)).replaceWithVoid();
  }

  /** The user's followees as last stored, null when Redis has none. */
  public Uni<List<Long>> followeesOf(long user) {
    return redis
        .execute("GET", followees(user))
        .map(
            r ->
                r == null
                    ? null
                    : java.util.Arrays.stream(r.toString().split(","))
                        .filter(s -> !s.isEmpty())
                        .map(Long::valueOf)
                        .toList());
  }

  public Uni<Void> keepFollowees(long user, List<Long> ids) {
    String value = String.join(",", ids.stream().map(String::valueOf).toList());
    return redis
        .execute(
            "SET", followees(user), value, "EX", Long.toString(config.followeesTtl().toSeconds()))
        .replaceWithVoid();
  }

  public Uni<Boolean> built(long user) {
    return redis.execute("ZSCORE", home(user), BUILT).map(r -> r != null);
  }

  /** Marks the timeline built with these post ids (added to whatever fan-out put there). */
  public Uni<Void> build(long user, List<Long> postIds) {
    List<String> args = new ArrayList<>(List.of(home(user), "0", BUILT));
    for (long id : postIds) {
      args.add(Double.toString(score(id)));
      args.add(Long.toString(id));
    }
    return redis
        .execute("ZADD", args.toArray(String[]::new))
        .chain(
            () ->
                redis.execute(
                    "EXPIRE",
                    home(user),
                    Long.toString(config.bodyTtl().multipliedBy(4).toSeconds())))
        .replaceWithVoid();
  }

  /** Up to {@code count} ids of {@code key} at or below {@code before}'s score, newest first. */
  public Uni<List<Long>> newest(String key, long before, int count) {
    String max = before == Long.MAX_VALUE ? "+inf" : Double.toString(score(before));
    return redis
        .execute("ZREVRANGEBYSCORE", key, max, "(0", "LIMIT", "0", Integer.toString(count))
        .map(Timelines::ids);
  }

  public Uni<Boolean> exists(String key) {
    return redis.execute("EXISTS", key).map(r -> r.toInteger() == 1);
  }

  private static List<Long> ids(Response response) {
    List<Long> ids = new ArrayList<>();
    if (response != null) {
      for (Response item : response) {
        ids.add(Long.parseLong(item.toString()));
      }
    }
    return ids;
  }
}
