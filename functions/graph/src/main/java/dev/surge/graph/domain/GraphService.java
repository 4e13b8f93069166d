package dev.surge.graph.domain;

import dev.surge.graph.data.GraphReads;
import dev.surge.graph.data.GraphRepository;
import dev.surge.graph.data.KnownUsers;
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
 * (GraphRepository writes the edge and its event together).
 *
 * <p>Follows of unknown ids are never shown (issue 12): graph learns which user ids exist from the
 * users' signed-up events ({@link #signedUp}), not from a call to users per follow. A follow of any
 * well-formed id is stored and announced (no 404: the new user's sign-up event may simply not have
 * arrived yet), but lists and counts take in only edges whose other side is known. An edge to a
 * user who just signed up appears once graph has consumed the event, normally well under a second;
 * an id nobody owns stays hidden for good.
 */
@ApplicationScoped
public class GraphService {
  private final GraphRepository graph;
  private final GraphReads reads;
  private final KnownUsers known;

  public GraphService(GraphRepository graph, GraphReads reads, KnownUsers known) {
    this.graph = graph;
    this.reads = reads;
    this.known = known;
  }

  /** {@code userId} exists from now on: edges to them are listed and counted. Idempotent. */
  public Uni<Void> signedUp(long userId, Instant at) {
    return known.signedUp(userId, at == null ? Instant.now() : at);
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
    return reads.counts(userId).map(c -> new GraphCounts(id(userId), c.following(), c.followers()));
  }

  private Uni<Page<FollowView>> list(Side side, long userId, String cursor, int limit) {
    return reads
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
