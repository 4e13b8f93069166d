package dev.surge.guard;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Kill switches: one Redis hash ({@value #KEY}, field = switch, "1" on, "0" off) that every
 * instance re-reads every {@code surge.guard.switches.refresh} (1 s), so a flip takes effect
 * everywhere within about a second, with no restart. Set through {@code PUT /admin/switches/{name}}
 * on any instance (or by the deployer writing the hash).
 */
@ApplicationScoped
public class Switches {
  /** The hash; a hash tag of its own, so it is one slot on a Cluster. */
  public static final String KEY = "{surge:switches}";

  /** The switches Surge knows; any other name is refused by the admin endpoint. */
  public static final Set<String> KNOWN =
      Set.of("compose", "purchase", "recommendations-default", "feed-cached-only", "outbox-paused");

  private final ReactiveHashCommands<String, String, String> hash;
  private final SwitchReader reader;

  public Switches(ReactiveRedisDataSource redis, GuardConfig config) {
    this.hash = redis.hash(String.class);
    this.reader = new SwitchReader(() -> hash.hgetall(KEY), config.redisTimeout().multipliedBy(5));
  }

  /** Whether the switch is on (the operation is off or degraded), as of the last refresh. */
  public boolean on(String name) {
    return reader.on(name);
  }

  /** Every known switch and its position. */
  public Map<String, Boolean> all() {
    Map<String, Boolean> all = new TreeMap<>();
    KNOWN.forEach(name -> all.put(name, reader.on(name)));
    return all;
  }

  /** Flips a switch in Redis and in this instance's snapshot at once. */
  public Uni<Void> set(String name, boolean on) {
    return hash.hset(KEY, name, on ? "1" : "0").replaceWithVoid().call(reader::refresh);
  }

  // Not while starting or stopping: the Redis client exists only while the app runs.
  @Scheduled(
      every = "${surge.guard.switches.refresh:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> refresh() {
    return reader.refresh();
  }

  /**
   * shared-events' OutboxRelay asks this (by name, so neither module depends on the other) whether
   * the relay is paused.
   */
  @Produces
  @Singleton
  @Named("surge.outbox.paused")
  BooleanSupplier outboxPaused() {
    return () -> reader.on("outbox-paused");
  }
}
