package dev.surge.posts.data;

import dev.surge.data.ShardRouter;
import dev.surge.data.ShardRouter.Route;
import dev.surge.model.posts.PostView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Posts on their author's shard, in {@code posts} or, once archived, {@code posts_archive}. */
@ApplicationScoped
public class PostRepository {
  private static final String COLUMNS = "id, author_id, text, media_urls, mentions, created_at";

  private final ShardRouter router;

  public PostRepository(ShardRouter router) {
    this.router = router;
  }

  public Route routeOf(long id) {
    return router.route(id);
  }

  public Uni<Void> insert(PostView post, Function<SqlConnection, Uni<Void>> alsoInTx) {
    long id = Long.parseLong(post.id());
    return router
        .write(
            router.route(id),
            tx ->
                tx.preparedQuery(
                        "insert into posts (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6)")
                    .execute(
                        Tuple.from(
                            new Object[] {
                              id,
                              Long.parseLong(post.authorId()),
                              post.text(),
                              post.mediaUrls().toArray(String[]::new),
                              post.mentions().stream().map(Long::valueOf).toArray(Long[]::new),
                              post.createdAt().atOffset(ZoneOffset.UTC)
                            }))
                    .chain(() -> alsoInTx.apply(tx)))
        .replaceWithVoid();
  }

  /** The post, archived or not; null if there is none. */
  public Uni<PostView> find(long id) {
    return router.read(
        router.route(id),
        null,
        pool ->
            pool.preparedQuery(
                    "select "
                        + COLUMNS
                        + " from posts where id = $1 union all select "
                        + COLUMNS
                        + " from posts_archive where id = $1 limit 1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? view(rows.iterator().next()) : null));
  }

  /** Deletes the post from either table; emits its author, or null if it did not exist. */
  public Uni<Long> delete(long id, Function<SqlConnection, Uni<Void>> alsoInTx) {
    return router
        .write(
            router.route(id),
            tx ->
                tx.preparedQuery(
                        "with gone as (delete from posts where id = $1 returning author_id),"
                            + " old as (delete from posts_archive where id = $1 returning author_id)"
                            + " select author_id from gone union all select author_id from old")
                    .execute(Tuple.of(id))
                    .chain(
                        rows ->
                            rows.iterator().hasNext()
                                ? alsoInTx.apply(tx).replaceWith(rows.iterator().next().getLong(0))
                                : Uni.createFrom().<Long>nullItem()))
        .map(ShardRouter.Written::value);
  }

  /** An author's posts below {@code beforeId}, newest first, from both tables. */
  public Uni<List<PostView>> byAuthor(long authorId, long beforeId, int limit) {
    String one = "select " + COLUMNS + " from %s where author_id = $1 and id < $2";
    return router.read(
        router.route(authorId),
        null,
        pool ->
            pool.preparedQuery(
                    "("
                        + one.formatted("posts")
                        + ") union all ("
                        + one.formatted("posts_archive")
                        + ") order by id desc limit $3")
                .execute(Tuple.of(authorId, beforeId, limit))
                .map(PostRepository::views));
  }

  /** Moves up to {@code batch} posts older than {@code cutoff} into the archive, per instance. */
  public Multi<Integer> archive(Instant cutoff, int batch) {
    return Multi.createFrom()
        .iterable(router.instances())
        .onItem()
        .transformToUniAndConcatenate(
            instance ->
                router.onInstance(
                    instance,
                    pool ->
                        pool.withTransaction(
                            tx ->
                                tx.preparedQuery(
                                        "with moved as (delete from posts where id in (select id"
                                            + " from posts where created_at < $1 order by id"
                                            + " limit $2 for update skip locked) returning *)"
                                            + " insert into posts_archive select * from moved")
                                    .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), batch))
                                    .map(RowSet::rowCount))));
  }

  private static List<PostView> views(RowSet<Row> rows) {
    List<PostView> out = new ArrayList<>();
    for (Row row : rows) {
      out.add(view(row));
    }
    return out;
  }

  private static PostView view(Row row) {
    return new PostView(
        Long.toString(row.getLong("id")),
        Long.toString(row.getLong("author_id")),
        row.getString("text"),
        Arrays.asList(row.getArrayOfStrings("media_urls")),
        Arrays.stream(row.getArrayOfLongs("mentions")).map(String::valueOf).toList(),
        row.getOffsetDateTime("created_at").toInstant());
  }
}
