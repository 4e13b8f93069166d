package dev.surge.posts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the posts function ({@code surge.posts.*}). */
@ConfigMapping(prefix = "surge.posts")
public interface PostsConfig {

  /** Posts older than this move to {@code posts_archive} when the archive command runs. */
  @WithDefault("90d")
  Duration archiveAfter();

  /** Rows moved per transaction by the archive command. */
  @WithDefault("1000")
  int archiveBatch();

  /** The archive command ({@code POST /admin/posts/archive}) answers only when true. */
  @WithDefault("false")
  boolean adminEnabled();

  @WithDefault("20")
  int defaultPageSize();

  @WithDefault("100")
  int maxPageSize();
}
