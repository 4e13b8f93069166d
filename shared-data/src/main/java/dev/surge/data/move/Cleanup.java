package dev.surge.data.move;

import static dev.surge.data.move.Jdbc.exec;
import static dev.surge.data.move.Jdbc.scalar;

import dev.surge.data.move.ShardMove.Table;
import java.sql.Connection;
import java.sql.Statement;

/** Ends replication, then, after routers had time to reload, deletes the source's copy. */
final class Cleanup {
  private Cleanup() {}

  static void run(MoveScope scope, Connection src, Connection dst, long graceMs) throws Exception {
    String name = scope.name();
    exec(dst, "alter subscription " + name + " disable");
    exec(dst, "alter subscription " + name + " set (slot_name = none)");
    exec(dst, "drop subscription " + name);
    exec(
        src,
        "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '"
            + name
            + "'");
    exec(src, "drop publication if exists " + name);
    Thread.sleep(graceMs);
    src.setAutoCommit(false);
    try (Statement s = src.createStatement()) {
      // The fence triggers would refuse these deletes: replica role skips ordinary triggers.
      s.execute("set local session_replication_role = replica");
      for (Table t : scope.tables()) {
        s.execute("delete from " + t.name() + " where " + t.where(scope.shard()));
      }
    }
    src.commit();
    src.setAutoCommit(true);
    for (Table t : scope.tables()) {
      long left =
          scalar(src, "select count(*) from " + t.name() + " where " + t.where(scope.shard()));
      if (left != 0) {
        throw new IllegalStateException(left + " rows of " + t.name() + " left on the source");
      }
    }
  }
}
