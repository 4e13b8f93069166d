package dev.surge.data;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code surge.data.*}: the physical instances and the shard map of a function. Example:
 *
 * <pre>
 * surge.data.instances.shard1.primary=postgresql://127.0.0.1:5433/surge
 * surge.data.instances.shard1.replicas=postgresql://127.0.0.1:5435/surge
 * surge.data.instances.shard2.primary=postgresql://127.0.0.1:5434/surge
 * surge.data.map=0-511=shard1,512-1023=shard2
 * </pre>
 */
@ConfigMapping(prefix = "surge.data")
public interface ShardingConfig {
  /** Logical shards: a power of two, at most 1024 (the 10 bits in every id). */
  @WithDefault("1024")
  int shards();

  /** Logical shard ranges to instance names, e.g. {@code 0-511=shard1,512-1023=shard2}. */
  String map();

  /**
   * A file holding the map (same syntax, commas or new lines, {@code #} comments). When set it wins
   * over {@link #map()} and is re-read every {@link #mapReloadInterval()}: the shard move flips a
   * shard by rewriting it, with no restart.
   */
  Optional<Path> mapFile();

  @WithDefault("5s")
  Duration mapReloadInterval();

  /** Physical instances by name. */
  Map<String, InstanceConfig> instances();

  /** Database role; from the environment in the cloud. */
  String username();

  String password();

  /** Connections per primary and per replica, per function instance. */
  @WithDefault("10")
  int poolSize();

  /** Connect and pool-wait timeout: how long a request waits for a dead instance. */
  @WithDefault("2s")
  Duration connectTimeout();

  /**
   * Server-side bound on every statement (PostgreSQL {@code statement_timeout} of each pooled
   * connection): a query stuck on a live connection ends with an error (503 for its request)
   * instead of holding the request and the connection for ever.
   */
  @WithDefault("5s")
  Duration statementTimeout();

  /** A replica further behind than this is skipped (reads go to the primary). */
  @WithDefault("5s")
  Duration replicaMaxLag();

  @WithDefault("1s")
  Duration replicaProbeInterval();

  /** After a connection failure an instance is failed fast (503) for this long, then retried. */
  @WithDefault("1s")
  Duration downFor();

  /** Retry-After of the 503 for a shard whose primary is down. */
  @WithDefault("5")
  int retryAfterSeconds();

  interface InstanceConfig {
    /** The primary's URL, {@code postgresql://host:port/database}. */
    String primary();

    /** Streaming replicas of that primary. */
    Optional<List<String>> replicas();
  }

  default Topology topology() {
    Map<String, Topology.Instance> instances = new java.util.TreeMap<>();
    instances()
        .forEach(
            (name, i) ->
                instances.put(
                    name, new Topology.Instance(i.primary(), i.replicas().orElse(List.of()))));
    return new Topology(
        shards(),
        map(),
        mapFile(),
        mapReloadInterval(),
        instances,
        username(),
        password(),
        poolSize(),
        connectTimeout(),
        statementTimeout(),
        replicaMaxLag(),
        replicaProbeInterval(),
        downFor(),
        retryAfterSeconds());
  }
}
