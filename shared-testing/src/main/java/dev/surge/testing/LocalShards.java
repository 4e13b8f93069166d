package dev.surge.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL clusters of dev/platform.d/pgshards.sh, as tests reach them: primaries
 * shard1 (5433) and shard2 (5434), shard1's streaming replica on 5435, each test using its {@code
 * surge_test} database as the superuser (trust on 127.0.0.1), and {@code pg_ctlcluster} to stop and
 * start one.
 */
public final class LocalShards {
  public static final String DB = "surge_test";
  public static final int SHARD1 = 5433, SHARD2 = 5434, REPLICA1 = 5435;

  private LocalShards() {}

  /** The reactive-client URL of one cluster's test database. */
  public static String url(int port) {
    return "postgresql://127.0.0.1:" + port + "/" + DB;
  }

  /** JDBC as the superuser: replay control, cluster-wide views, direct checks. */
  public static Connection admin(int port) throws SQLException {
    // The driver directly: DriverManager refuses a driver another Quarkus test class loader
    // registered, which happens to a test class that runs after a restart for its own profile.
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    return new org.postgresql.Driver().connect("jdbc:" + url(port), props);
  }

  public static void exec(int port, String... sql) {
    try (Connection c = admin(port);
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long scalar(int port, String sql) {
    try (Connection c = admin(port);
        Statement s = c.createStatement();
        var rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** pg_ctlcluster for the named local cluster (stop uses fast mode: open sessions are cut). */
  public static void cluster(String action, String name) {
    ProcessBuilder command =
        action.equals("stop")
            ? new ProcessBuilder(
                "pg_ctlcluster", "--skip-systemctl-redirect", "15", name, action, "-m", "fast")
            : new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", "15", name, action);
    try {
      Process p = command.inheritIO().start();
      boolean done = p.waitFor(60, TimeUnit.SECONDS);
      // "start" on a running cluster exits 2: fine, what matters is that it answers.
      if (!done || (p.exitValue() != 0 && !(action.equals("start") && p.exitValue() == 2))) {
        throw new IllegalStateException("pg_ctlcluster " + action + " " + name + " failed");
      }
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
