package dev.surge.data;

import dev.surge.testing.LocalShards;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * shared-data's view of the local shard clusters (shared-testing {@link LocalShards}): the topology
 * over them, a router, and the tests' own probe table.
 */
final class Clusters {
  static final int SHARD1 = LocalShards.SHARD1, SHARD2 = LocalShards.SHARD2;
  static final int REPLICA1 = LocalShards.REPLICA1;
  static final String HALVES = "0-511=shard1,512-1023=shard2";

  private Clusters() {}

  static Topology topology(String map) {
    return Topology.of(
        Map.of(
            "shard1",
                new Topology.Instance(LocalShards.url(SHARD1), List.of(LocalShards.url(REPLICA1))),
            "shard2", new Topology.Instance(LocalShards.url(SHARD2), List.of())),
        map);
  }

  static ShardRouter router(Vertx vertx, Topology topology) {
    return new ShardRouter(vertx, topology, new SimpleMeterRegistry());
  }

  /** A small table of the tests' own on both primaries (replicated to 5435 by streaming). */
  static void probeTable() {
    for (int port : new int[] {SHARD1, SHARD2}) {
      LocalShards.exec(
          port,
          // A schema of its own: Flyway wants the public schema of a new database empty.
          "create schema if not exists sd_test authorization surge",
          "create table if not exists sd_test.probe (id bigint primary key, v bigint not null)",
          "alter table sd_test.probe owner to surge");
    }
  }

  static final Duration WAIT = Duration.ofSeconds(10);
}
