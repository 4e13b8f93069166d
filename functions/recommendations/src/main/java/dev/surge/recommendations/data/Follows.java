package dev.surge.recommendations.data;

import dev.surge.data.ShardRouter;
import dev.surge.events.ProcessedEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The follow projection: whom each user follows ({@code rec_follows}, follower's shard). */
@ApplicationScoped
public class Follows {
  private final ShardRouter router;
  private final ProcessedEvents processed;

  public Follows(ShardRouter router, ProcessedEvents processed) {
    this.router = router;
    this.processed = processed;
  }

  /** Records a follow, or removes it, in the same transaction as the claim of {@code claim}. */
  public Uni<Void> apply(String claim, long follower, long target, boolean follow) {
    return processed
        .once(
            follower,
            claim,
            tx ->
                tx.preparedQuery(
                        follow
                            ? "insert into rec_follows values ($1, $2) on conflict do nothing"
                            : "delete from rec_follows where follower_id = $1 and target_id = $2")
                    .execute(Tuple.of(follower, target)))
        .replaceWithVoid();
  }

  public Uni<List<Long>> followees(long user) {
    return router.read(
        user,
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

  /**
   * For each user followed by any of {@code followers}: by how many of them (one query a shard).
   */
  public Uni<Map<Long, Integer>> followedBy(List<Long> followers) {
    return router
        .readByShard(
            followers,
            (pool, group) ->
                pool.preparedQuery(
                        "select target_id, count(*) from rec_follows where follower_id = any($1)"
                            + " group by target_id")
                    .execute(Tuple.of(group.toArray(Long[]::new))))
        .map(
            shards -> {
              Map<Long, Integer> counts = new HashMap<>();
              shards.forEach(
                  rows ->
                      rows.forEach(r -> counts.merge(r.getLong(0), r.getInteger(1), Integer::sum)));
              return counts;
            });
  }
}
