package dev.surge.web;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Bounded metric labels. The HTTP metrics label each request with its method as sent, and Vert.x
 * accepts any token as a method: {@code FOO}, {@code BAR1}, ... would each start new series.
 * Methods HTTP defines keep their name, anything else is {@code OTHER} (unmatched paths are bounded
 * by quarkus.micrometer.binder.http-server.suppress4xx-errors, see microprofile-config.properties).
 */
@Singleton
public class MetricLabels {
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

  @Produces
  @Singleton
  MeterFilter boundedMethods() {
    return MeterFilter.replaceTagValues("method", m -> METHODS.contains(m) ? m : "OTHER");
  }
}
