package dev.surge.feed.data;

import dev.surge.feed.domain.FeedConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Post bodies, author cards and the set of celebrity authors in Redis: what a feed read hydrates
 * from. Each has a database copy in the feed's projections (FeedStore), so losing Redis costs
 * latency, never content.
 */
@ApplicationScoped
public class Cards {
  static final String CELEBRITIES = "feed:celebrities";

  private final ReactiveRedisDataSource redis;
  private final String ttl;

  public Cards(ReactiveRedisDataSource redis, FeedConfig config) {
    this.redis = redis;
    this.ttl = Long.toString(config.bodyTtl().toSeconds());
  }

  static String post(long id) {
    return "feed:post:{" + id + "}";
  }

  static String author(long id) {
    return "feed:profile:{" + id + "}";
  }

  public Uni<Void> putPost(long id, String json) {
    return redis.execute("SET", post(id), json, "EX", ttl).replaceWithVoid();
  }

  public Uni<Void> dropPost(long id) {
    return redis.execute("DEL", post(id)).replaceWithVoid();
  }

  public Uni<String> postJson(long id) {
    return redis.execute("GET", post(id)).map(r -> r == null ? null : r.toString());
  }

  public Uni<Void> putAuthor(long id, String json) {
    return redis.execute("SET", author(id), json, "EX", ttl).replaceWithVoid();
  }

  public Uni<String> authorJson(long id) {
    return redis.execute("GET", author(id)).map(r -> r == null ? null : r.toString());
  }

  public Uni<Void> celebrity(long author, boolean is) {
    return redis
        .execute(is ? "SADD" : "SREM", CELEBRITIES, Long.toString(author))
        .replaceWithVoid();
  }

  /** Which of {@code authors} are celebrities (one round trip). */
  public Uni<Set<Long>> celebritiesAmong(List<Long> authors) {
    if (authors.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    String[] args = new String[authors.size() + 1];
    args[0] = CELEBRITIES;
    for (int i = 0; i < authors.size(); i++) {
      args[i + 1] = Long.toString(authors.get(i));
    }
    return redis
        .execute("SMISMEMBER", args)
        .map(
            r -> {
              Set<Long> out = new java.util.HashSet<>();
              for (int i = 0; i < authors.size(); i++) {
                if (r.get(i).toInteger() == 1) {
                  out.add(authors.get(i));
                }
              }
              return out;
            });
  }
}
