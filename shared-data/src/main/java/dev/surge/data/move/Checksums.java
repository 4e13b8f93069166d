package dev.surge.data.move;

import dev.surge.data.move.ShardMove.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Row counts and checksums of the shard: the catch-up condition and the final verification. */
final class Checksums {
  private Checksums() {}

  static void catchUp(MoveScope scope, Connection src, Connection dst) throws Exception {
    Jdbc.waitFor("catch-up", 60_000, () -> sums(scope, src).equals(sums(scope, dst)));
  }

  /** Fills {@code counts} and {@code checksums}; throws on the first table that differs. */
  static void verify(
      MoveScope scope,
      Connection src,
      Connection dst,
      Map<String, long[]> counts,
      Map<String, String[]> checksums)
      throws SQLException {
    for (Table t : scope.tables()) {
      String[] a = sum(scope, src, t), b = sum(scope, dst, t);
      counts.put(t.name(), new long[] {Long.parseLong(a[0]), Long.parseLong(b[0])});
      checksums.put(t.name(), new String[] {a[1], b[1]});
      if (!a[0].equals(b[0]) || !a[1].equals(b[1])) {
        throw new IllegalStateException(
            "verify failed for " + t.name() + ": source and target differ");
      }
      Jdbc.log("verify " + t.name() + ": " + a[0] + " rows, md5 " + a[1] + " on both");
    }
  }

  private static List<String> sums(MoveScope scope, Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    for (Table t : scope.tables()) {
      String[] s = sum(scope, c, t);
      out.add(s[0] + ":" + s[1]);
    }
    return out;
  }

  /** Row count and an md5 over the rows' text, in a stable order. */
  private static String[] sum(MoveScope scope, Connection c, Table t) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select count(*), coalesce(md5(string_agg(x::text, '|' order by x::text)), '')"
                    + " from "
                    + t.name()
                    + " x where "
                    + t.where(scope.shard()))) {
      r.next();
      return new String[] {Long.toString(r.getLong(1)), r.getString(2)};
    }
  }
}
