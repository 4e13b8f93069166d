package dev.surge.data;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the router needs, as plain values: built from {@link ShardingConfig} in a function, or
 * directly by tests and tools.
 *
 * @param shards logical shard count (power of two, at most 1024)
 * @param map the shard map in {@link ShardMap#parse} form
 * @param mapFile if present, a file holding the map that is re-read when it changes (reload)
 * @param instances physical instances by name: primary URL and replica URLs
 */
public record Topology(
    int shards,
    String map,
    Optional<Path> mapFile,
    Duration mapReloadInterval,
    Map<String, Instance> instances,
    String username,
    String password,
    int poolSize,
    Duration connectTimeout,
    Duration statementTimeout,
    Duration replicaMaxLag,
    Duration replicaProbeInterval,
    Duration downFor,
    int retryAfterSeconds) {

  /** One physical PostgreSQL instance: a primary and zero or more streaming replicas. */
  public record Instance(String primary, List<String> replicas) {}

  /** Defaults for everything but the instances and the map. */
  public static Topology of(Map<String, Instance> instances, String map) {
    return new Topology(
        1024,
        map,
        Optional.empty(),
        Duration.ofSeconds(5),
        instances,
        "surge",
        "surge",
        10,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        5);
  }

  /** This topology with another bound on replica lag (tests that read from lagging replicas). */
  public Topology withReplicaMaxLag(Duration lag) {
    return new Topology(
        shards,
        map,
        mapFile,
        mapReloadInterval,
        instances,
        username,
        password,
        poolSize,
        connectTimeout,
        statementTimeout,
        lag,
        replicaProbeInterval,
        downFor,
        retryAfterSeconds);
  }

  /** This topology with another statement timeout (tests of a query that never ends). */
  public Topology withStatementTimeout(Duration timeout) {
    return new Topology(
        shards,
        map,
        mapFile,
        mapReloadInterval,
        instances,
        username,
        password,
        poolSize,
        connectTimeout,
        timeout,
        replicaMaxLag,
        replicaProbeInterval,
        downFor,
        retryAfterSeconds);
  }
}
