package dev.surge.feed.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.data.ShardRouter;
import dev.surge.events.ProcessedEvents;
import dev.surge.feed.config.FeedConfig;
import dev.surge.model.posts.PostView;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Post bodies and author cards, what a feed item shows. Redis holds them for {@code body-ttl}; the
 * feed's database copies ({@code feed_posts}, {@code feed_authors}) hold them for good, so losing
 * Redis costs latency, never content. Each database write claims its event in the same transaction
 * ({@link ProcessedEvents}); the Redis writes that follow are idempotent, so a redelivered event
 * may redo them harmlessly.
 */
@ApplicationScoped
public class Cards {
  /** The author card shown with a feed item; handle and name are null until the feed knows them. */
  @RegisterForReflection
  public record Author(String id, String handle, String displayName) {}

  private final ShardRouter router;
  private final ProcessedEvents processed;
  private final ReactiveValueCommands<String, String> values;
  private final ReactiveKeyCommands<String> keys;
  private final SetArgs expiry;
  private final ObjectMapper json;

  public Cards(
      ShardRouter router,
      ProcessedEvents processed,
      ReactiveRedisDataSource redis,
      FeedConfig config,
      ObjectMapper json) {
    this.router = router;
    this.processed = processed;
    this.values = redis.value(String.class);
    this.keys = redis.key();
    this.expiry = new SetArgs().ex(config.bodyTtl());
    this.json = json;
  }

  private static String postKey(long id) {
    return "feed:post:{" + id + "}";
  }

  private static String authorKey(long id) {
    return "feed:profile:{" + id + "}";
  }

  /** A post, or null when it was deleted (or never seen). */
  public Uni<PostView> post(long id) {
    return redisOr(postKey(id), PostView.class, () -> storedPost(id));
  }

  /** An author's card; only the id when the feed has not seen the author sign up. */
  public Uni<Author> author(long id) {
    return redisOr(authorKey(id), Author.class, () -> storedAuthor(id))
        .map(card -> card != null ? card : new Author(Long.toString(id), null, null));
  }

  /** Copies a new post to the database (claiming {@code eventId}), then to Redis. */
  public Uni<Void> savePost(String eventId, long id, long author, PostView post) {
    String body = write(post);
    return processed
        .once(
            author,
            eventId,
            tx ->
                tx.preparedQuery(
                        "insert into feed_posts values ($1, $2, $3, $4) on conflict do nothing")
                    .execute(Tuple.of(id, author, body, utc(post.createdAt()))))
        .chain(() -> values.set(postKey(id), body, expiry));
  }

  /** Drops a deleted post's database copy (claiming {@code eventId}), then its Redis body. */
  public Uni<Void> deletePost(String eventId, long id, long author) {
    return processed
        .once(
            author,
            eventId,
            tx -> tx.preparedQuery("delete from feed_posts where id = $1").execute(Tuple.of(id)))
        .chain(() -> keys.del(postKey(id)))
        .replaceWithVoid();
  }

  /**
   * Stores an author's handle and name (claiming {@code eventId}); a null one keeps what is stored,
   * since a profile edit carries no handle. Then puts the resulting card in Redis.
   */
  public Uni<Void> saveAuthor(String eventId, long id, String handle, String name) {
    return processed
        .once(
            id,
            eventId,
            tx ->
                tx.preparedQuery(
                        "insert into feed_authors (id, handle, name) values ($1, $2, $3)"
                            + " on conflict (id) do update set handle"
                            + " = coalesce($2, feed_authors.handle),"
                            + " name = coalesce($3, feed_authors.name)")
                    .execute(Tuple.of(id, handle, name)))
        .chain(() -> storedAuthor(id))
        // Null only from a replica that has not replayed the write yet; reads then use the
        // database.
        .chain(
            card ->
                card == null
                    ? Uni.createFrom().voidItem()
                    : values.set(authorKey(id), write(card), expiry));
  }

  /** The JSON in Redis under {@code key}, else the database copy (null when there is none). */
  private <T> Uni<T> redisOr(String key, Class<T> type, Supplier<Uni<T>> database) {
    return values
        .get(key)
        .chain(
            cached -> cached != null ? Uni.createFrom().item(read(cached, type)) : database.get());
  }

  private Uni<PostView> storedPost(long id) {
    return router
        .read(
            id,
            null,
            pool ->
                pool.preparedQuery("select body from feed_posts where id = $1")
                    .execute(Tuple.of(id)))
        .map(
            rows ->
                rows.size() == 0
                    ? null
                    : read(rows.iterator().next().getString(0), PostView.class));
  }

  private Uni<Author> storedAuthor(long id) {
    return router
        .read(
            id,
            null,
            pool ->
                pool.preparedQuery("select handle, name from feed_authors where id = $1")
                    .execute(Tuple.of(id)))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return null;
              }
              var row = rows.iterator().next();
              return new Author(Long.toString(id), row.getString(0), row.getString(1));
            });
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt feed copy", e);
    }
  }
}
