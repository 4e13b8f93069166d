package dev.surge.feed.data;

import dev.surge.data.ShardRouter;
import dev.surge.events.ProcessedEvents;
import dev.surge.feed.api.AuthorView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The feed's projections in PostgreSQL. Every write from an event claims the event in the same
 * transaction ({@link ProcessedEvents}); an event that touches two shards claims a distinct key on
 * each ({@code id} and {@code id#author}), so each half is applied exactly once.
 */
@ApplicationScoped
public class FeedStore {
  private final ShardRouter router;
  private final ProcessedEvents processed;

  public FeedStore(ShardRouter router, ProcessedEvents processed) {
    this.router = router;
    this.processed = processed;
  }

  /** Runs {@code effect} on {@code ownerId}'s shard unless {@code claim} was applied before. */
  public Uni<Boolean> once(long ownerId, String claim, Function<SqlConnection, Uni<?>> effect) {
    return processed.once(ownerId, claim, effect);
  }

  public static Uni<Void> exec(SqlConnection tx, String sql, Object... args) {
    return tx.preparedQuery(sql).execute(Tuple.from(args)).replaceWithVoid();
  }

  /** Follower count after adding {@code delta} (author's shard, inside {@code tx}). */
  public static Uni<Long> addFollowers(SqlConnection tx, long author, int delta) {
    return tx.preparedQuery(
            "insert into feed_authors (id, followers) values ($1, greatest($2, 0)) on conflict (id)"
                + " do update set followers = greatest(feed_authors.followers + $2, 0)"
                + " returning followers")
        .execute(Tuple.of(author, delta))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  public Uni<Long> followers(long author) {
    return read(author, "select followers from feed_authors where id = $1", Tuple.of(author))
        .map(rows -> rows.isEmpty() ? 0L : rows.getFirst().getLong(0));
  }

  public Uni<List<Long>> followersOf(long author) {
    return read(
            author, "select follower_id from feed_followers where author_id = $1", Tuple.of(author))
        .map(rows -> rows.stream().map(r -> r.getLong(0)).toList());
  }

  public Uni<List<Long>> followeesOf(long follower) {
    return read(
            follower,
            "select author_id from feed_follows where follower_id = $1",
            Tuple.of(follower))
        .map(rows -> rows.stream().map(r -> r.getLong(0)).toList());
  }

  /** Post ids with their bodies of these authors (all on the shard of {@code shardOwner}). */
  public Uni<List<Row>> recentPosts(long shardOwner, List<Long> authors, int limit) {
    return read(
        shardOwner,
        "select id, body from feed_posts where author_id = any($1) order by id desc limit $2",
        Tuple.of(authors.toArray(Long[]::new), limit));
  }

  /** A post's JSON body, or null (deleted or never seen). */
  public Uni<String> postBody(long postId) {
    return read(postId, "select body from feed_posts where id = $1", Tuple.of(postId))
        .map(rows -> rows.isEmpty() ? null : rows.getFirst().getString(0));
  }

  public Uni<AuthorView> author(long id) {
    return read(id, "select handle, name from feed_authors where id = $1", Tuple.of(id))
        .map(
            rows ->
                rows.isEmpty()
                    ? null
                    : new AuthorView(
                        Long.toString(id),
                        rows.getFirst().getString(0),
                        rows.getFirst().getString(1)));
  }

  public static Object at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private Uni<List<Row>> read(long owner, String sql, Tuple args) {
    return router.read(
        router.route(owner),
        null,
        pool ->
            pool.preparedQuery(sql)
                .execute(args)
                .map(
                    rows -> {
                      List<Row> out = new ArrayList<>();
                      rows.forEach(out::add);
                      return out;
                    }));
  }
}
