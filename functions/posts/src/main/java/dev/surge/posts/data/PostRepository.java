package dev.surge.posts.data;

import dev.surge.data.ShardRouter;
import dev.surge.events.outbox.EventOutbox;
import dev.surge.events.outbox.OutboxRelay;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.PostCreated;
import dev.surge.model.events.PostDeleted;
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
import java.util.stream.Collectors;

/**
 * Posts on their author's shard (a post id embeds it), in {@code posts} or, once archived, {@code
 * posts_archive}. Every change is written with its event in one transaction: the event exists if
 * and only if the change was committed.
 */
@ApplicationScoped
public class PostRepository {
  private static final String COLUMNS = "id, author_id, text, media_urls, mentions, created_at";

  private final ShardRouter router;
  private final EventOutbox outbox;
  private final OutboxRelay relay;

  public PostRepository(ShardRouter router, EventOutbox outbox, OutboxRelay relay) {
    this.router = router;
    this.outbox = outbox;
    this.relay = relay;
  }

  /** Stores the post of {@code event} and the event. */
  public Uni<Void> insert(PostCreated event) {
    PostView post = event.post();
    long id = Long.parseLong(post.id());
    Object[] row = {
      id,
      Long.parseLong(post.authorId()),
      post.text(),
      post.mediaUrls().toArray(String[]::new),
      post.mentions().stream().map(Long::valueOf).toArray(Long[]::new),
      post.createdAt().atOffset(ZoneOffset.UTC)
    };
    return router
        .write(
            id,
            tx ->
                tx.preparedQuery(
                        "insert into posts (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6)")
                    .execute(Tuple.from(row))
                    .chain(() -> announce(tx, id, EventTypes.POST_CREATED, post.authorId(), event)))
        .invoke(relay::nudge)
        .replaceWithVoid();
  }

  /** The post, archived or not; null if there is none. */
  public Uni<PostView> find(long id) {
    return router.read(
        id,
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

  /** Deletes the post of {@code event} from either table, with the event; false if it was gone. */
  public Uni<Boolean> delete(PostDeleted event) {
    long id = Long.parseLong(event.postId());
    return router
        .write(
            id,
            tx ->
                tx.preparedQuery(
                        "with gone as (delete from posts where id = $1 returning id),"
                            + " old as (delete from posts_archive where id = $1 returning id)"
                            + " select id from gone union all select id from old")
                    .execute(Tuple.of(id))
                    .chain(
                        rows ->
                            rows.rowCount() == 0
                                ? Uni.createFrom().item(false)
                                : announce(tx, id, EventTypes.POST_DELETED, event.authorId(), event)
                                    .replaceWith(true)))
        .map(ShardRouter.Written::value)
        .invoke(relay::nudge);
  }

  /** An author's posts below {@code beforeId}, newest first, from both tables. */
  public Uni<List<PostView>> byAuthor(long authorId, long beforeId, int limit) {
    String one = "select " + COLUMNS + " from %s where author_id = $1 and id < $2";
    return router.read(
        authorId,
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

  /**
   * Moves up to {@code batch} posts older than {@code cutoff} into the archive on each instance,
   * one instance after the other; emits how many moved in all.
   */
  public Uni<Long> archive(Instant cutoff, int batch) {
    String move =
        "with moved as (delete from posts where id in (select id from posts where created_at < $1"
            + " order by id limit $2 for update skip locked) returning *)"
            + " insert into posts_archive select * from moved";
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
                                tx.preparedQuery(move)
                                    .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), batch))
                                    .map(RowSet::rowCount))))
        .collect()
        .with(Collectors.summingLong(Integer::longValue));
  }

  // Keyed by the author, so one author's events stay in order on one partition.
  private Uni<Void> announce(
      SqlConnection tx, long postId, String type, String authorId, Object event) {
    return outbox.append(tx, postId, EventTypes.POSTS_TOPIC, type, authorId, event);
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
