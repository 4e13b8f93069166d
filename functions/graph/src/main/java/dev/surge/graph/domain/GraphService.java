package dev.surge.graph.domain;

import dev.surge.data.ShardRouter;
import dev.surge.events.outbox.EventOutbox;
import dev.surge.events.outbox.OutboxRelay;
import dev.surge.graph.api.FollowView;
import dev.surge.graph.api.GraphCounts;
import dev.surge.graph.data.Cursor;
import dev.surge.graph.data.GraphRepository;
import dev.surge.graph.data.GraphRepository.Side;
import dev.surge.model.Page;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.Followed;
import dev.surge.model.events.Unfollowed;
import dev.surge.model.problem.ProblemException;
import dev.surge.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Follow and unfollow across two shards: the follower's side first, with its event in the same
 * transaction, then the target's side. If the target's shard is down the request fails with 503
 * after the first half; the same PUT or DELETE again finishes it (both halves are idempotent) and
 * emits nothing twice. The graph does not know which user ids exist: that would take a call to the
 * users function on every follow; an edge to an id nobody owns is harmless and never shown.
 */
@ApplicationScoped
public class GraphService {
  private final GraphRepository graph;
  private final EventOutbox outbox;
  private final OutboxRelay relay;
  private final GraphConfig config;

  public GraphService(
      GraphRepository graph, EventOutbox outbox, OutboxRelay relay, GraphConfig config) {
    this.graph = graph;
    this.outbox = outbox;
    this.relay = relay;
    this.config = config;
  }

  public Uni<Void> follow(long follower, long target) {
    requireDifferent(follower, target);
    Instant at = Instant.now();
    var event = new Followed(Long.toString(follower), Long.toString(target), at);
    return graph
        .add(Side.FOLLOWING, follower, target, at, tx -> announce(tx, follower, event, true))
        .call(() -> graph.add(Side.FOLLOWERS, target, follower, at, tx -> none()))
        .invoke(relay::nudge)
        .onFailure(ShardRouter::isUnavailable)
        .transform(e -> ProblemException.unavailable("A shard is unavailable; retry", 2))
        .replaceWithVoid();
  }

  public Uni<Void> unfollow(long follower, long target) {
    requireDifferent(follower, target);
    var event = new Unfollowed(Long.toString(follower), Long.toString(target), Instant.now());
    return graph
        .remove(Side.FOLLOWING, follower, target, tx -> announce(tx, follower, event, false))
        .call(() -> graph.remove(Side.FOLLOWERS, target, follower, tx -> none()))
        .invoke(relay::nudge)
        .onFailure(ShardRouter::isUnavailable)
        .transform(e -> ProblemException.unavailable("A shard is unavailable; retry", 2))
        .replaceWithVoid();
  }

  public Uni<Page<FollowView>> list(Side side, long userId, String cursor, Integer limit) {
    int clamped = Params.limit(limit, config.defaultPageSize(), config.maxPageSize());
    return graph
        .list(side, userId, Cursor.decode(cursor), clamped)
        .map(
            edges -> {
              List<FollowView> items =
                  edges.stream()
                      .map(e -> new FollowView(Long.toString(e.otherId()), e.at()))
                      .toList();
              String next = null;
              if (edges.size() == clamped) {
                var last = edges.getLast();
                long micros = last.at().getEpochSecond() * 1_000_000 + last.at().getNano() / 1000;
                next = new Cursor(micros, last.otherId()).encode();
              }
              return new Page<>(items, next);
            });
  }

  public Uni<GraphCounts> counts(long userId) {
    return graph.counts(userId).map(c -> new GraphCounts(Long.toString(userId), c[0], c[1]));
  }

  private Uni<Void> announce(
      io.vertx.mutiny.sqlclient.SqlConnection tx, long follower, Object event, boolean followed) {
    return outbox.append(
        tx,
        follower,
        EventTypes.GRAPH_TOPIC,
        followed ? EventTypes.GRAPH_FOLLOWED : EventTypes.GRAPH_UNFOLLOWED,
        Long.toString(follower),
        event);
  }

  private static Uni<Void> none() {
    return Uni.createFrom().voidItem();
  }

  private static void requireDifferent(long follower, long target) {
    if (follower == target) {
      throw ProblemException.invalid("target", "a user cannot follow themselves");
    }
  }
}
