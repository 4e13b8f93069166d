package dev.surge.graph.domain;

import dev.surge.graph.data.GraphRepository;
import dev.surge.graph.data.Side;
import dev.surge.model.Page;
import dev.surge.model.events.Followed;
import dev.surge.model.events.Unfollowed;
import dev.surge.model.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Follow, unfollow, lists and counts. A follow or unfollow that changes an edge is announced once
 * (GraphRepository writes the edge and its event together). The graph does not know which user ids
 * exist: that would take a call to the users function on every follow; an edge to an id nobody owns
 * is harmless and never shown.
 */
@ApplicationScoped
public class GraphService {
  private final GraphRepository graph;

  public GraphService(GraphRepository graph) {
    this.graph = graph;
  }

  public Uni<Void> follow(long follower, long target) {
    requireDifferent(follower, target);
    return graph.follow(new Followed(id(follower), id(target), Instant.now()));
  }

  public Uni<Void> unfollow(long follower, long target) {
    requireDifferent(follower, target);
    return graph.unfollow(new Unfollowed(id(follower), id(target), Instant.now()));
  }

  /** Who {@code userId} follows, newest first; {@code cursor} is the previous page's next. */
  public Uni<Page<FollowView>> following(long userId, String cursor, int limit) {
    return list(Side.FOLLOWING, userId, cursor, limit);
  }

  /** Who follows {@code userId}, newest first; {@code cursor} is the previous page's next. */
  public Uni<Page<FollowView>> followers(long userId, String cursor, int limit) {
    return list(Side.FOLLOWERS, userId, cursor, limit);
  }

  public Uni<GraphCounts> counts(long userId) {
    return graph.counts(userId).map(c -> new GraphCounts(id(userId), c.following(), c.followers()));
  }

  private Uni<Page<FollowView>> list(Side side, long userId, String cursor, int limit) {
    return graph
        .list(side, userId, Cursor.decode(cursor), limit)
        .map(
            edges ->
                new Page<>(
                    edges.stream().map(e -> new FollowView(id(e.otherId()), e.at())).toList(),
                    edges.size() == limit ? Cursor.after(edges.getLast()) : null));
  }

  private static String id(long id) {
    return Long.toString(id);
  }

  private static void requireDifferent(long follower, long target) {
    if (follower == target) {
      throw ProblemException.invalid("target", "a user cannot follow themselves");
    }
  }
}
