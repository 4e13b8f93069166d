package dev.surge.users.sharding;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Superuser JDBC on the local shard clusters (trust on 127.0.0.1), database surge_test. */
final class Pg {
  private Pg() {}

  static Connection admin(int port) throws SQLException {
    // The driver directly: DriverManager refuses a driver another Quarkus test class loader
    // registered, and this class runs after a restart for its own profile.
    var props = new java.util.Properties();
    props.setProperty("user", "postgres");
    return new org.postgresql.Driver()
        .connect("jdbc:postgresql://127.0.0.1:" + port + "/surge_test", props);
  }

  static void exec(int port, String sql) {
    try (Connection c = admin(port);
        Statement s = c.createStatement()) {
      s.execute(sql);
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

  static void cluster(String action, String name) {
    try {
      Process p =
          (action.equals("stop")
                  ? new ProcessBuilder(
                      "pg_ctlcluster",
                      "--skip-systemctl-redirect",
                      "15",
                      name,
                      "stop",
                      "-m",
                      "fast")
                  : new ProcessBuilder(
                      "pg_ctlcluster", "--skip-systemctl-redirect", "15", name, action))
              .inheritIO()
              .start();
      p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
