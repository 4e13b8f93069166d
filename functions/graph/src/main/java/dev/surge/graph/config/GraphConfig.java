package dev.surge.graph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the graph function ({@code surge.graph.*}). */
@ConfigMapping(prefix = "surge.graph")
public interface GraphConfig {

  /** Largest {@code limit} a list request may ask for; bigger values are clamped. */
  @WithDefault("100")
  int maxPageSize();

  /** Page size when the request names none. */
  @WithDefault("20")
  int defaultPageSize();
}
