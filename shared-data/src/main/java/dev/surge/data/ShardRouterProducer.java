package dev.surge.data;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/**
 * The function's one {@link ShardRouter}, built from {@code surge.data.*} at startup.
 *
 * <p>Eagerly, on the main thread: a Vert.x pool built lazily inside whatever context first needs it
 * (an HTTP verticle, a Kafka consumer's context) is tied to that context's lifecycle, and the feed
 * under load saw "Client is closed" on pools created that way.
 */
@ApplicationScoped
public class ShardRouterProducer {
  @Produces
  @ApplicationScoped
  @Startup
  ShardRouter router(Vertx vertx, ShardingConfig config, MeterRegistry metrics) {
    return new ShardRouter(vertx, config.topology(), metrics);
  }

  void close(@Disposes ShardRouter router) {
    router.close();
  }
}
