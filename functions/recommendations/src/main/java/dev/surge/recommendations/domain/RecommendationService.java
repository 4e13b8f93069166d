package dev.surge.recommendations.domain;

import dev.surge.data.ShardRouter;
import dev.surge.recommendations.api.Suggestion;
import dev.surge.recommendations.data.RecommendationStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who to follow: users followed by the people you follow (ranked by how many of them), topped up
 * with the most followed users. Prepared when events arrive, so a read is one Redis GET.
 */
@ApplicationScoped
public class RecommendationService {
  private final RecommendationStore store;
  private final ShardRouter router;
  private final RecommendationsConfig config;

  public RecommendationService(
      RecommendationStore store, ShardRouter router, RecommendationsConfig config) {
    this.store = store;
    this.router = router;
    this.config = config;
  }

  /** A new user follows nobody yet: the popular users. */
  public Uni<Void> welcome(long user) {
    return popularFor(user, Set.of(user), config.size()).chain(list -> store.save(user, list));
  }

  /** Recomputes {@code user}'s list after their follows changed. */
  public Uni<Void> refresh(long user) {
    return store
        .followees(user)
        .chain(
            followees -> {
              Set<Long> exclude = new HashSet<>(followees);
              exclude.add(user);
              return mutuals(followees)
                  .chain(
                      counts -> {
                        List<Suggestion> list = new ArrayList<>();
                        counts.entrySet().stream()
                            .filter(e -> !exclude.contains(e.getKey()))
                            .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed())
                            .limit(config.size())
                            .forEach(
                                e ->
                                    list.add(
                                        new Suggestion(
                                            Long.toString(e.getKey()),
                                            "followed-by-people-you-follow",
                                            e.getValue())));
                        list.forEach(s -> exclude.add(Long.parseLong(s.userId())));
                        return popularFor(user, exclude, config.size() - list.size())
                            .map(
                                more -> {
                                  list.addAll(more);
                                  return list;
                                });
                      })
                  .chain(list -> store.save(user, list));
            });
  }

  /** The prepared list, or the popular users if none is prepared yet. */
  public Uni<List<Suggestion>> forUser(long user) {
    return store
        .prepared(user)
        .chain(
            list ->
                list != null
                    ? Uni.createFrom().item(list)
                    : popularFor(user, Set.of(user), config.size()));
  }

  private Uni<List<Suggestion>> popularFor(long user, Set<Long> exclude, int count) {
    if (count <= 0) {
      return Uni.createFrom().item(List.of());
    }
    return store
        .popular(count + exclude.size())
        .map(
            ids ->
                ids.stream()
                    .filter(id -> !exclude.contains(id))
                    .limit(count)
                    .map(id -> new Suggestion(Long.toString(id), "popular", 0))
                    .collect(Collectors.toCollection(ArrayList::new)));
  }

  /**
   * For each user followed by {@code followees}: how many of them follow it (one query a shard).
   */
  private Uni<Map<Long, Integer>> mutuals(List<Long> followees) {
    if (followees.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    Map<Integer, List<Long>> byShard =
        followees.stream()
            .limit(config.maxFolloweesScanned())
            .collect(Collectors.groupingBy(id -> router.route(id).shard()));
    List<Uni<Map<Long, Integer>>> reads = new ArrayList<>();
    for (List<Long> group : byShard.values()) {
      reads.add(
          router.read(
              router.route(group.getFirst()),
              null,
              pool ->
                  pool.preparedQuery(
                          "select target_id, count(*) from rec_follows where follower_id = any($1)"
                              + " group by target_id")
                      .execute(Tuple.of(group.toArray(Long[]::new)))
                      .map(
                          rows -> {
                            Map<Long, Integer> counts = new HashMap<>();
                            rows.forEach(r -> counts.put(r.getLong(0), r.getInteger(1)));
                            return counts;
                          })));
    }
    return Uni.join()
        .all(reads)
        .andFailFast()
        .map(
            maps -> {
              Map<Long, Integer> total = new HashMap<>();
              maps.forEach(m -> m.forEach((k, v) -> total.merge(k, v, Integer::sum)));
              return total;
            });
  }
}
