package dev.surge.feed.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the feed function ({@code surge.feed.*}). */
@ConfigMapping(prefix = "surge.feed")
public interface FeedConfig {

  /**
   * Authors with more followers than this are not fanned out on write (one post would mean that
   * many Redis writes); their posts are merged into each follower's feed at read time instead.
   */
  @WithDefault("1000")
  int celebrityThreshold();

  /** Post ids kept per home timeline in Redis; older ones are trimmed. */
  @WithDefault("800")
  int timelineSize();

  /** Recent post ids kept per author, read for the celebrity merge. */
  @WithDefault("200")
  int authorRecentSize();

  /** How long post bodies and author cards stay in Redis (the database copy stays). */
  @WithDefault("2d")
  Duration bodyTtl();

  /**
   * How long a user's followee list stays in Redis. Follow and unfollow events drop it at once; the
   * expiry bounds the one race left: a read that loaded the list just before an event's commit and
   * stores it just after the event dropped it.
   */
  @WithDefault("60s")
  Duration followeesTtl();

  /**
   * The deadline of one feed read, all its Redis and PostgreSQL calls together: past it the request
   * is a 503 with Retry-After instead of a connection held while Redis hangs.
   */
  @WithDefault("2s")
  Duration readTimeout();

  @WithDefault("20")
  int defaultPageSize();

  @WithDefault("100")
  int maxPageSize();
}
