package dev.surge.testing.hostile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Rows in the functions' tables of the test database (surge_test on 5432, the one instance the
 * tests' shard map points at), as the application's own role sees them.
 */
public final class Rows {
  private Rows() {}

  /** The sum of the row counts of {@code tables}. */
  public static long in(String... tables) {
    Properties credentials = new Properties();
    credentials.setProperty("user", "surge");
    credentials.setProperty("password", "surge");
    long total = 0;
    try (Connection c =
            new org.postgresql.Driver()
                .connect("jdbc:postgresql://127.0.0.1:5432/surge_test", credentials);
        Statement s = c.createStatement()) {
      for (String table : tables) {
        try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
          r.next();
          total += r.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return total;
  }
}
