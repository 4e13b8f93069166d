package dev.surge.data;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** The function's one {@link ShardRouter}, built from {@code surge.data.*} on first use. */
@ApplicationScoped
public class ShardRouterProducer {
  @Produces
  @ApplicationScoped
  ShardRouter router(Vertx vertx, ShardingConfig config, MeterRegistry metrics) {
    return new ShardRouter(vertx, config.topology(), metrics);
  }

  void close(@Disposes ShardRouter router) {
    router.close();
  }
}
