package dev.surge.feed.data;

import dev.surge.data.ShardRouter;
import dev.surge.events.ProcessedEvents;
import dev.surge.feed.config.FeedConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The follow graph as the feed keeps it from graph events: whom each user follows ({@code
 * feed_follows}, follower's shard), who follows each author and how many ({@code feed_followers},
 * {@code feed_authors.followers}, author's shard). Redis keeps each user's followee list for a
 * short while and the set of celebrity authors, whose posts are not fanned out on write.
 */
@ApplicationScoped
public class Follows {
  private static final String CELEBRITIES = "feed:celebrities";

  /** Whom a user follows, split by how their posts reach the user's feed. */
  public record Followees(List<Long> ordinary, List<Long> celebrities) {}

  private final ShardRouter router;
  private final ProcessedEvents processed;
  private final ReactiveValueCommands<String, String> values;
  private final ReactiveSetCommands<String, String> sets;
  private final ReactiveKeyCommands<String> keys;
  private final SetArgs followeesExpiry;

  public Follows(
      ShardRouter router,
      ProcessedEvents processed,
      ReactiveRedisDataSource redis,
      FeedConfig config) {
    this.router = router;
    this.processed = processed;
    this.values = redis.value(String.class);
    this.sets = redis.set(String.class);
    this.keys = redis.key();
    this.followeesExpiry = new SetArgs().ex(config.followeesTtl());
  }

  private static String followeesKey(long user) {
    return "feed:fe:{" + user + "}";
  }

  /** Whom {@code user} follows: from Redis, else from the database and then kept in Redis. */
  public Uni<Followees> followees(long user) {
    return values
        .get(followeesKey(user))
        .chain(
            cached ->
                cached != null
                    ? Uni.createFrom().item(parse(cached))
                    : ids(user, "select author_id from feed_follows where follower_id = $1")
                        .call(ids -> values.set(followeesKey(user), join(ids), followeesExpiry)))
        .chain(this::split);
  }

  /** Asks the celebrity set about every followee in one round trip. */
  private Uni<Followees> split(List<Long> authors) {
    if (authors.isEmpty()) {
      return Uni.createFrom().item(new Followees(List.of(), List.of()));
    }
    return sets.smismember(
            CELEBRITIES, authors.stream().map(String::valueOf).toArray(String[]::new))
        .map(
            flags -> {
              List<Long> ordinary = new ArrayList<>();
              List<Long> celebrities = new ArrayList<>();
              for (int i = 0; i < authors.size(); i++) {
                (flags.get(i) ? celebrities : ordinary).add(authors.get(i));
              }
              return new Followees(ordinary, celebrities);
            });
  }

  public Uni<List<Long>> followersOf(long author) {
    return ids(author, "select follower_id from feed_followers where author_id = $1");
  }

  public Uni<Long> followerCount(long author) {
    return router
        .read(
            author,
            null,
            pool ->
                pool.preparedQuery("select followers from feed_authors where id = $1")
                    .execute(Tuple.of(author)))
        .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong(0));
  }

  /**
   * Applies a follow or an unfollow once on each shard it touches: the follower's list (claim
   * {@code eventId}), then the author's follower list and count (claim {@code eventId#author}), so
   * a redelivery applies neither half twice. Then drops the follower's cached followee list.
   */
  public Uni<Void> change(String eventId, long follower, long author, Instant at, boolean follow) {
    return processed
        .once(follower, eventId, tx -> followeeRow(tx, follower, author, at, follow))
        .chain(
            () ->
                processed.once(
                    author, eventId + "#author", tx -> followerRow(tx, author, follower, follow)))
        .chain(() -> keys.del(followeesKey(follower)))
        .replaceWithVoid();
  }

  private static Uni<?> followeeRow(
      SqlConnection tx, long follower, long author, Instant at, boolean follow) {
    return follow
        ? tx.preparedQuery("insert into feed_follows values ($1, $2, $3) on conflict do nothing")
            .execute(Tuple.of(follower, author, Cards.utc(at)))
        : tx.preparedQuery("delete from feed_follows where follower_id = $1 and author_id = $2")
            .execute(Tuple.of(follower, author));
  }

  /** Counts only an edge that really appeared or went, so the count stays exact. */
  private static Uni<?> followerRow(SqlConnection tx, long author, long follower, boolean follow) {
    return tx.preparedQuery(
            follow
                ? "insert into feed_followers values ($1, $2) on conflict do nothing"
                : "delete from feed_followers where author_id = $1 and follower_id = $2")
        .execute(Tuple.of(author, follower))
        .chain(
            rows ->
                rows.rowCount() == 0
                    ? Uni.createFrom().voidItem()
                    : tx.preparedQuery(
                            "insert into feed_authors (id, followers) values ($1, greatest($2, 0))"
                                + " on conflict (id) do update"
                                + " set followers = greatest(feed_authors.followers + $2, 0)")
                        .execute(Tuple.of(author, follow ? 1 : -1))
                        .replaceWithVoid());
  }

  /** Adds the author to the celebrity set, or takes it out. */
  public Uni<Void> markCelebrity(long author, boolean celebrity) {
    String member = Long.toString(author);
    return (celebrity ? sets.sadd(CELEBRITIES, member) : sets.srem(CELEBRITIES, member))
        .replaceWithVoid();
  }

  private Uni<List<Long>> ids(long owner, String sql) {
    return router.read(
        owner,
        null,
        pool ->
            pool.preparedQuery(sql)
                .execute(Tuple.of(owner))
                .map(rows -> rows.stream().map(row -> row.getLong(0)).toList()));
  }

  private static List<Long> parse(String list) {
    return Arrays.stream(list.split(",")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
  }

  private static String join(List<Long> ids) {
    return String.join(",", ids.stream().map(String::valueOf).toList());
  }
}
