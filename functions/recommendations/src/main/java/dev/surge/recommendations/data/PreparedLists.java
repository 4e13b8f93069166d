package dev.surge.recommendations.data;

import dev.surge.data.ShardRouter;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Each user's prepared list, a JSON document: the row in {@code recommendations} (user's shard) is
 * the durable copy, a Redis string kept for a day is the one reads use.
 */
@ApplicationScoped
public class PreparedLists {
  private static final long CACHED_SECONDS = Duration.ofDays(1).toSeconds();

  private final ShardRouter router;
  private final ReactiveValueCommands<String, String> cache;

  public PreparedLists(ShardRouter router, ReactiveRedisDataSource redis) {
    this.router = router;
    this.cache = redis.value(String.class);
  }

  /** Saves {@code user}'s list: the database, then Redis. */
  public Uni<Void> save(long user, String items) {
    return router
        .write(
            user,
            tx ->
                tx.preparedQuery(
                        "insert into recommendations values ($1, $2, $3) on conflict (user_id)"
                            + " do update set items = $2, updated_at = $3")
                    .execute(Tuple.of(user, items, OffsetDateTime.now(ZoneOffset.UTC))))
        .chain(() -> cache.setex(key(user), CACHED_SECONDS, items));
  }

  /** {@code user}'s list, or null if none was prepared: Redis first, then the database. */
  public Uni<String> get(long user) {
    return cache
        .get(key(user))
        .chain(
            cached ->
                cached != null
                    ? Uni.createFrom().item(cached)
                    : router.read(
                        user,
                        null,
                        pool ->
                            pool.preparedQuery(
                                    "select items from recommendations where user_id = $1")
                                .execute(Tuple.of(user))
                                .map(
                                    rows ->
                                        rows.iterator().hasNext()
                                            ? rows.iterator().next().getString(0)
                                            : null)));
  }

  private static String key(long user) {
    return "rec:user:{" + user + "}";
  }
}
