package dev.surge.cache;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Carries L1 invalidations between instances over Redis pub/sub (why not CLIENT TRACKING: see
 * README). A message is {@code cache|id|fence}: drop the entry if it was loaded before the fence. A
 * subscription can die silently with its connection, and a missed message means a stale L1. So the
 * bus publishes a heartbeat every second and, if its own heartbeat has not come back for three
 * seconds, subscribes again and clears every L1 it serves (anything may have been missed).
 */
@ApplicationScoped
public class InvalidationBus {
  private static final Logger LOG = Logger.getLogger(InvalidationBus.class);
  private static final String HEARTBEAT = "~heartbeat";

  /** One listener per cache instance (two per cache in tests that model two instances). */
  interface Listener {
    void invalidate(String id, long fence);

    void clear();
  }

  private final ReactiveRedisDataSource redis;
  private final RedisGuard guard;
  private final String channel;
  private final String self = UUID.randomUUID().toString();
  private final Map<String, Map<Listener, Boolean>> listeners = new ConcurrentHashMap<>();
  private final AtomicLong lastHeartbeat = new AtomicLong();
  private final Vertx vertx;
  private volatile ReactiveRedisSubscriber subscriber;
  private long timer = -1;

  public InvalidationBus(
      ReactiveRedisDataSource redis, RedisGuard guard, CacheConfig config, Vertx vertx) {
    this.redis = redis;
    this.guard = guard;
    this.channel = config.invalidationChannel();
    this.vertx = vertx;
  }

  synchronized void register(String cache, Listener listener) {
    listeners.computeIfAbsent(cache, c -> new ConcurrentHashMap<>()).put(listener, true);
    if (timer < 0) {
      subscribe();
      timer = vertx.setPeriodic(1000, t -> heartbeat());
    }
  }

  Uni<Void> publish(String cache, String id, long fence) {
    return guard
        .call(() -> redis.pubsub(String.class).publish(channel, cache + "|" + id + "|" + fence))
        .onFailure()
        .recoverWithNull();
  }

  private void subscribe() {
    lastHeartbeat.set(System.currentTimeMillis());
    redis
        .pubsub(String.class)
        .subscribe(channel, this::onMessage)
        .subscribe()
        .with(
            s -> subscriber = s,
            e -> LOG.warnf("Invalidation subscribe failed: %s", e.getMessage()));
  }

  private void heartbeat() {
    if (System.currentTimeMillis() - lastHeartbeat.get() > 3000) {
      LOG.warn("Invalidation heartbeat lost: resubscribing and clearing L1");
      ReactiveRedisSubscriber old = subscriber;
      subscriber = null;
      if (old != null) {
        old.unsubscribe().subscribe().with(x -> {}, e -> {});
      }
      listeners.values().forEach(m -> m.keySet().forEach(Listener::clear));
      subscribe();
    }
    publish(HEARTBEAT, self, 0).subscribe().with(x -> {}, e -> {});
  }

  private void onMessage(String message) {
    int a = message.indexOf('|');
    int b = message.lastIndexOf('|');
    if (a < 0 || b <= a) {
      return;
    }
    String cache = message.substring(0, a);
    String id = message.substring(a + 1, b);
    if (HEARTBEAT.equals(cache)) {
      if (self.equals(id)) {
        lastHeartbeat.set(System.currentTimeMillis());
      }
      return;
    }
    long fence = Long.parseLong(message, b + 1, message.length(), 10);
    var forCache = listeners.get(cache);
    if (forCache != null) {
      forCache.keySet().forEach(l -> l.invalidate(id, fence));
    }
  }

  @PreDestroy
  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
