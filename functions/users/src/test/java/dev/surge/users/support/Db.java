package dev.surge.users.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Direct reads of the test database, to prove what a request did or did not write, and direct
 * writes, to stage what a crash would leave behind.
 */
public final class Db {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/surge_test";

  private Db() {}

  public static long count(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection(URL, "surge", "surge");
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
    try (Connection c = DriverManager.getConnection(URL, "surge", "surge");
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
