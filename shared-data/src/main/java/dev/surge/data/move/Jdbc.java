package dev.surge.data.move;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few JDBC shapes the move needs, and its console log. */
final class Jdbc {
  private Jdbc() {}

  interface Check {
    boolean ok() throws Exception;
  }

  static void log(String message) {
    System.out.println("[shard-move] " + message);
  }

  static void waitFor(String what, long ms, Check check) throws Exception {
    long deadline = System.currentTimeMillis() + ms;
    while (!check.ok()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(what + " did not finish within " + ms + " ms");
      }
      Thread.sleep(50);
    }
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  static long scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  static String text(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
