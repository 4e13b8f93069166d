package dev.surge.recommendations.data;

import dev.surge.events.ProcessedEvents;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Follower counts: durable in {@code rec_popularity} (user's shard), ranked in the Redis sorted set
 * {@code rec:popular}. The ranking is set to the stored count, never incremented, so a replay
 * cannot inflate it.
 */
@ApplicationScoped
public class Popularity {
  private static final String POPULAR = "rec:popular";

  private final ProcessedEvents processed;
  private final ReactiveSortedSetCommands<String, String> ranking;

  public Popularity(ProcessedEvents processed, ReactiveRedisDataSource redis) {
    this.processed = processed;
    this.ranking = redis.sortedSet(String.class);
  }

  /**
   * Adds {@code delta} to {@code user}'s follower count (never below 0) in the same transaction as
   * the claim of {@code claim}, and ranks the user by the new count.
   */
  public Uni<Void> change(String claim, long user, int delta) {
    return processed
        .once(
            user,
            claim,
            tx ->
                tx.preparedQuery(
                        "insert into rec_popularity values ($1, greatest($2, 0))"
                            + " on conflict (user_id) do update set followers ="
                            + " greatest(rec_popularity.followers + $2, 0) returning followers")
                    .execute(Tuple.of(user, delta))
                    .chain(rows -> rank(user, rows.iterator().next().getLong(0))))
        .replaceWithVoid();
  }

  /** The {@code count} most followed users, most followed first. */
  public Uni<List<Long>> top(int count) {
    return ranking
        .zrange(POPULAR, 0, count - 1, new ZRangeArgs().rev())
        .map(ids -> ids.stream().map(Long::valueOf).toList());
  }

  private Uni<?> rank(long user, long followers) {
    String member = Long.toString(user);
    return followers > 0 ? ranking.zadd(POPULAR, followers, member) : ranking.zrem(POPULAR, member);
  }
}
