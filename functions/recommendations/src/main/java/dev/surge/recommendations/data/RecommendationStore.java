package dev.surge.recommendations.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.data.ShardRouter;
import dev.surge.recommendations.api.Suggestion;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepared lists (database row on the user's shard, Redis copy for reads), the popularity ranking
 * (Redis sorted set {@code rec:popular}, set to absolute counts so replays cannot inflate it) and
 * the follow projection.
 */
@ApplicationScoped
public class RecommendationStore {
  private static final String POPULAR = "rec:popular";
  private static final TypeReference<List<Suggestion>> LIST = new TypeReference<>() {};

  private final ShardRouter router;
  private final ReactiveRedisDataSource redis;
  private final ObjectMapper json;

  public RecommendationStore(ShardRouter router, ReactiveRedisDataSource redis, ObjectMapper json) {
    this.router = router;
    this.redis = redis;
    this.json = json;
  }

  public Uni<List<Long>> popular(int count) {
    return redis
        .execute("ZREVRANGE", POPULAR, "0", Integer.toString(count - 1))
        .map(
            r -> {
              List<Long> ids = new ArrayList<>();
              for (Response item : r) {
                ids.add(Long.parseLong(item.toString()));
              }
              return ids;
            });
  }

  public Uni<Void> setPopularity(long user, long followers) {
    return (followers > 0
            ? redis.execute("ZADD", POPULAR, Long.toString(followers), Long.toString(user))
            : redis.execute("ZREM", POPULAR, Long.toString(user)))
        .replaceWithVoid();
  }

  public Uni<List<Long>> followees(long user) {
    return router.read(
        router.route(user),
        null,
        pool ->
            pool.preparedQuery("select target_id from rec_follows where follower_id = $1")
                .execute(Tuple.of(user))
                .map(
                    rows -> {
                      List<Long> ids = new ArrayList<>();
                      rows.forEach(row -> ids.add(row.getLong(0)));
                      return ids;
                    }));
  }

  /** Saves the list (database, then Redis) for {@code user}. */
  public Uni<Void> save(long user, List<Suggestion> items) {
    String body = write(items);
    return router
        .write(
            router.route(user),
            tx ->
                tx.preparedQuery(
                        "insert into recommendations values ($1, $2, $3) on conflict (user_id)"
                            + " do update set items = $2, updated_at = $3")
                    .execute(Tuple.of(user, body, OffsetDateTime.now(ZoneOffset.UTC))))
        .chain(() -> redis.execute("SET", key(user), body, "EX", "86400"))
        .replaceWithVoid();
  }

  /** The prepared list, or null if none was prepared (Redis first, then the database). */
  public Uni<List<Suggestion>> prepared(long user) {
    return redis
        .execute("GET", key(user))
        .chain(
            cached ->
                cached != null
                    ? Uni.createFrom().item(cached.toString())
                    : router.read(
                        router.route(user),
                        null,
                        pool ->
                            pool.preparedQuery(
                                    "select items from recommendations where user_id = $1")
                                .execute(Tuple.of(user))
                                .map(
                                    rows ->
                                        rows.iterator().hasNext()
                                            ? rows.iterator().next().getString(0)
                                            : null)))
        .map(body -> body == null ? null : read(body));
  }

  private static String key(long user) {
    return "rec:user:{" + user + "}";
  }

  private String write(List<Suggestion> items) {
    try {
      return json.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Suggestion> read(String body) {
    try {
      return json.readValue(body, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt recommendation list", e);
    }
  }
}
