package dev.surge.data.move;

import static dev.surge.data.move.Jdbc.exec;
import static dev.surge.data.move.Jdbc.scalar;
import static dev.surge.data.move.Jdbc.waitFor;

import dev.surge.data.move.ShardMove.Table;
import java.sql.Connection;

/** Logical replication of the shard's rows only: initial copy, then every change streams. */
final class Copy {
  private Copy() {}

  static void start(MoveScope scope, Connection src, Connection dst, String sourceConninfo)
      throws Exception {
    String name = scope.name();
    exec(src, "drop publication if exists " + name);
    StringBuilder pub = new StringBuilder("create publication " + name + " for table ");
    for (int i = 0; i < scope.tables().size(); i++) {
      Table t = scope.tables().get(i);
      pub.append(i == 0 ? "" : ", ")
          .append(t.name())
          .append(" where (")
          .append(t.where(scope.shard()))
          .append(")");
    }
    exec(src, pub.toString());
    dst.setAutoCommit(true);
    exec(
        dst,
        "create subscription "
            + name
            + " connection '"
            + sourceConninfo.replace("'", "''")
            + "' publication "
            + name
            + " with (copy_data = true)");
    waitFor(
        "initial copy",
        120_000,
        () ->
            scalar(
                    dst,
                    "select count(*) from pg_subscription_rel r join pg_subscription s"
                        + " on s.oid = r.srsubid where s.subname = '"
                        + name
                        + "' and r.srsubstate <> 'r'")
                == 0);
  }
}
