package dev.surge.data.move;

import static dev.surge.data.move.Jdbc.exec;

import dev.surge.data.move.ShardMove.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The fence table, its triggers, and closing the fence on the source. */
final class WriteFence {
  private WriteFence() {}

  /** The fence table and, per table, a trigger refusing writes to fenced shards. Idempotent. */
  static void install(MoveScope scope, Connection c) throws SQLException {
    // One fence per table and shard: a move fences exactly the rows it moves.
    exec(
        c,
        "create table if not exists surge_shard_fences"
            + " (tbl text not null, shard int not null, primary key (tbl, shard))");
    // The triggers run as whoever writes (the functions' role): it must be able to read it.
    exec(c, "grant select on surge_shard_fences to public");
    for (Table t : scope.tables()) {
      String fn = "surge_fence_" + t.name().replace('.', '_');
      String expr = t.shardExpression().replace("$R.", "r.");
      exec(
          c,
          "create or replace function "
              + fn
              + "() returns trigger language plpgsql as $f$ declare r record; begin"
              + " if tg_op = 'DELETE' then r := old; else r := new; end if;"
              + " if exists (select 1 from surge_shard_fences where tbl = '"
              + t.name()
              + "' and shard = "
              + expr
              + ") then raise exception 'shard % is fenced (moving)', "
              + expr
              + " using errcode = 'SF001'; end if;"
              + " if tg_op = 'DELETE' then return old; end if; return new; end $f$");
      exec(
          c,
          "create or replace trigger surge_fence before insert or update or delete on "
              + t.name()
              + " for each row execute function "
              + fn
              + "()");
    }
  }

  /** Moving back to a former home: lift the fence the earlier move left there. */
  static void lift(MoveScope scope, Connection dst) throws SQLException {
    for (Table t : scope.tables()) {
      exec(
          dst,
          "delete from surge_shard_fences where tbl = '"
              + t.name()
              + "' and shard = "
              + scope.shard());
    }
  }

  /** Closes the fence on the source; returns when it started, for the fenced-time figure. */
  static long close(MoveScope scope, Connection src) throws SQLException {
    long fenceStart = System.nanoTime();
    src.setAutoCommit(false);
    try (Statement s = src.createStatement()) {
      s.execute("set local lock_timeout = '5s'");
      StringBuilder lock = new StringBuilder("lock table ");
      for (int i = 0; i < scope.tables().size(); i++) {
        lock.append(i == 0 ? "" : ", ").append(scope.tables().get(i).name());
      }
      s.execute(lock + " in share mode"); // waits for in-flight writers, blocks new ones
      for (Table t : scope.tables()) {
        s.execute(
            "insert into surge_shard_fences (tbl, shard) values ('"
                + t.name()
                + "', "
                + scope.shard()
                + ") on conflict do nothing");
      }
    }
    src.commit();
    src.setAutoCommit(true);
    return fenceStart;
  }
}
