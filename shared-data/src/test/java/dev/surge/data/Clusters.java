package dev.surge.data;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local clusters of dev/platform.d/pgshards.sh: primaries shard1 (5433) and shard2 (5434),
 * shard1's streaming replica on 5435; tests use their surge_test databases.
 */
final class Clusters {
  static final String DB = "surge_test";
  static final int SHARD1 = 5433, SHARD2 = 5434, REPLICA1 = 5435;
  static final String HALVES = "0-511=shard1,512-1023=shard2";

  private Clusters() {}

  static String url(int port) {
    return "postgresql://127.0.0.1:" + port + "/" + DB;
  }

  static Topology topology(String map) {
    return Topology.of(
        Map.of(
            "shard1", new Topology.Instance(url(SHARD1), List.of(url(REPLICA1))),
            "shard2", new Topology.Instance(url(SHARD2), List.of())),
        map);
  }

  static ShardRouter router(Vertx vertx, Topology topology) {
    return new ShardRouter(vertx, topology, new SimpleMeterRegistry());
  }

  /** JDBC as the superuser (trust on 127.0.0.1): replay control, cluster-wide views. */
  static Connection admin(int port) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + DB, "postgres", "");
  }

  static void exec(int port, String... sql) {
    try (Connection c = admin(port);
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long scalar(int port, String sql) {
    try (Connection c = admin(port);
        Statement s = c.createStatement();
        var rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A small table of the tests' own on both primaries (replicated to 5435 by streaming). */
  static void probeTable() {
    for (int port : new int[] {SHARD1, SHARD2}) {
      exec(
          port,
          // A schema of its own: Flyway wants the public schema of a new database empty.
          "create schema if not exists sd_test authorization surge",
          "create table if not exists sd_test.probe (id bigint primary key, v bigint not null)",
          "alter table sd_test.probe owner to surge");
    }
  }

  /** pg_ctlcluster for the named local cluster (stop uses fast mode: open sessions are cut). */
  static void cluster(String action, String name) {
    try {
      Process p =
          (action.equals("stop")
                  ? new ProcessBuilder(
                      "pg_ctlcluster",
                      "--skip-systemctl-redirect",
                      "15",
                      name,
                      action,
                      "-m",
                      "fast")
                  : new ProcessBuilder(
                      "pg_ctlcluster", "--skip-systemctl-redirect", "15", name, action))
              .inheritIO()
              .start();
      boolean done = p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
      // "start" on a running cluster exits 2: fine, what matters is that it answers.
      if (!done || (p.exitValue() != 0 && !(action.equals("start") && p.exitValue() == 2))) {
        throw new IllegalStateException("pg_ctlcluster " + action + " " + name + " failed");
      }
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static final Duration WAIT = Duration.ofSeconds(10);
}
