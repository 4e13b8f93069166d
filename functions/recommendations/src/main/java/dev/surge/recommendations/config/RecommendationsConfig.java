package dev.surge.recommendations.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the recommendations function ({@code surge.recommendations.*}). */
@ConfigMapping(prefix = "surge.recommendations")
public interface RecommendationsConfig {

  /** Users suggested per list. */
  @WithDefault("10")
  int size();

  /**
   * The deadline of one GET /recommendations/me, all its Redis calls together: past it the request
   * is a 503 with Retry-After instead of a connection held while Redis hangs.
   */
  @WithDefault("1s")
  java.time.Duration readTimeout();

  /** Followees whose own followees are read for "followed by people you follow". */
  @WithDefault("200")
  int maxFolloweesScanned();
}
