package dev.surge.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code surge.web.*}: limits every function applies to a request before any resource runs. */
@ConfigMapping(prefix = "surge.web")
public interface WebConfig {
  /**
   * Longest request target (path and query) answered normally; longer gets 414 problem+json. Below
   * {@code quarkus.http.limits.max-initial-line-length}, which Vert.x enforces with a bare 414
   * before any route can answer, so that only absurd lines get the bare one.
   */
  @WithDefault("4096")
  int maxUriLength();
}
