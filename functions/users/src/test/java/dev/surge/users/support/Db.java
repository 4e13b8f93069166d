package dev.surge.users.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Direct reads of the test database, to prove what a request did or did not write, and direct
 * writes, to stage what a crash would leave behind.
 */
public final class Db {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/surge_test";

  private Db() {}

  // The driver directly, not DriverManager: a test class that runs after a Quarkus restart under
  // another @TestProfile has a new class loader, and DriverManager then refuses the driver it
  // registered under the old one ("No suitable driver").
  private static Connection connect() throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", "surge");
    credentials.setProperty("password", "surge");
    return new Driver().connect(URL, credentials);
  }

  public static long count(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement with parameters; returns the number of rows it changed. */
  public static int update(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long users() {
    return count("select count(*) from users");
  }
}
