package dev.surge.data.move;

import static dev.surge.data.move.Jdbc.exec;
import static dev.surge.data.move.Jdbc.scalar;
import static dev.surge.data.move.Jdbc.text;

import dev.surge.data.move.ShardMove.Table;
import java.sql.Connection;
import java.sql.SQLException;

/** Refuses a move that could not finish cleanly, before anything is changed. */
final class Preflight {
  private Preflight() {}

  static void check(MoveScope scope, Connection src, Connection dst) throws SQLException {
    if (!"logical".equals(text(src, "show wal_level"))) {
      throw new IllegalStateException("the source needs wal_level=logical");
    }
    int shard = scope.shard();
    for (Table t : scope.tables()) {
      long there = scalar(dst, "select count(*) from " + t.name() + " where " + t.where(shard));
      if (there != 0) {
        throw new IllegalStateException(
            "the target already holds " + there + " rows of shard " + shard + " in " + t.name());
      }
    }
    // A leftover of an interrupted run: start over.
    exec(dst, "drop subscription if exists " + scope.name());
  }
}
