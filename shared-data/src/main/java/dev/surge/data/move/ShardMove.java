package dev.surge.data.move;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Moves one logical shard from a source primary to a target primary while writes continue:
 *
 * <ol>
 *   <li><b>copy</b>: a publication on the source filtered to the shard's rows, a subscription on
 *       the target (PostgreSQL logical replication: initial copy, then every change streams);
 *   <li><b>fence</b>: in one short transaction that drains in-flight writers ({@code LOCK ... IN
 *       SHARE MODE}), the shard goes into {@code surge_shard_fences}; triggers on the source then
 *       refuse writes to that shard only (SQLSTATE SF001, which ShardRouter turns into 503 with
 *       Retry-After: 1), every other shard keeps writing;
 *   <li><b>catch up</b>: wait until the target's row count and checksum of the shard equal the (now
 *       frozen) source's, table by table;
 *   <li><b>flip</b>: the new map is handed to {@code onFlip} (the command rewrites the map file
 *       that routers reload);
 *   <li><b>verify</b> counts and checksums again, then <b>clean up</b>: drop the subscription and
 *       publication, wait {@code grace} for every router to reload, delete the shard's rows on the
 *       source. The fence row stays on the source so a router that missed the flip gets 503, never
 *       a write into the old copy.
 * </ol>
 *
 * Requires wal_level=logical on the source and a superuser (subscriptions, replication).
 */
public final class ShardMove {
  /** A table and the SQL expression of its rows' logical shard, with {@code $R} for the row. */
  public record Table(String name, String shardExpression) {
    String where(int shard) {
      return "(" + shardExpression.replace("$R.", "") + ") = " + shard;
    }
  }

  /** Counts and checksums per table, source and target, after the move. */
  public record Report(
      Map<String, long[]> counts, Map<String, String[]> checksums, long fencedMs) {}

  private final String sourceUrl, targetUrl, sourceConninfo;
  private final String user, password;
  private final List<Table> tables;
  private final int shard;
  private final long graceMs;

  /**
   * @param sourceUrl JDBC URL of the source primary's database
   * @param sourceConninfo libpq conninfo the target uses to subscribe to the source
   */
  public ShardMove(
      String sourceUrl,
      String sourceConninfo,
      String targetUrl,
      String user,
      String password,
      List<Table> tables,
      int shard,
      long graceMs) {
    this.sourceUrl = sourceUrl;
    this.sourceConninfo = sourceConninfo;
    this.targetUrl = targetUrl;
    this.user = user;
    this.password = password;
    this.tables = List.copyOf(tables);
    this.shard = shard;
    this.graceMs = graceMs;
  }

  private String name() {
    return "surge_move_" + shard;
  }

  private Connection source() throws SQLException {
    return DriverManager.getConnection(sourceUrl, user, password);
  }

  private Connection target() throws SQLException {
    return DriverManager.getConnection(targetUrl, user, password);
  }

  private static void log(String message) {
    System.out.println("[shard-move] " + message);
  }

  /** Runs the whole move; {@code onFlip} must make routers use the target for the shard. */
  public Report run(Runnable onFlip) throws Exception {
    try (Connection src = source();
        Connection dst = target()) {
      preflight(src, dst);
      installFence(src);
      installFence(dst);
      for (Table t : tables) { // moving back to a former home: lift its old fence
        exec(
            dst,
            "delete from surge_shard_fences where tbl = '" + t.name() + "' and shard = " + shard);
      }

      log("copy: publication on the source, subscription on the target");
      exec(src, "drop publication if exists " + name());
      StringBuilder pub = new StringBuilder("create publication " + name() + " for table ");
      for (int i = 0; i < tables.size(); i++) {
        Table t = tables.get(i);
        pub.append(i == 0 ? "" : ", ")
            .append(t.name())
            .append(" where (")
            .append(t.where(shard))
            .append(")");
      }
      exec(src, pub.toString());
      dst.setAutoCommit(true);
      exec(
          dst,
          "create subscription "
              + name()
              + " connection '"
              + sourceConninfo.replace("'", "''")
              + "' publication "
              + name()
              + " with (copy_data = true)");
      waitFor(
          "initial copy",
          120_000,
          () ->
              scalar(
                      dst,
                      "select count(*) from pg_subscription_rel r join pg_subscription s"
                          + " on s.oid = r.srsubid where s.subname = '"
                          + name()
                          + "' and r.srsubstate <> 'r'")
                  == 0);

      log("fence: writes to shard " + shard + " on the source now fail with SF001");
      long fenceStart = System.nanoTime();
      src.setAutoCommit(false);
      try (Statement s = src.createStatement()) {
        s.execute("set local lock_timeout = '5s'");
        StringBuilder lock = new StringBuilder("lock table ");
        for (int i = 0; i < tables.size(); i++) {
          lock.append(i == 0 ? "" : ", ").append(tables.get(i).name());
        }
        s.execute(lock + " in share mode"); // waits for in-flight writers, blocks new ones
        for (Table t : tables) {
          s.execute(
              "insert into surge_shard_fences (tbl, shard) values ('"
                  + t.name()
                  + "', "
                  + shard
                  + ") on conflict do nothing");
        }
      }
      src.commit();
      src.setAutoCommit(true);

      log("catch up: waiting for the target to match the frozen source");
      waitFor("catch-up", 60_000, () -> sums(src).equals(sums(dst)));

      log("flip: the map now sends shard " + shard + " to the target");
      onFlip.run();
      long fencedMs = (System.nanoTime() - fenceStart) / 1_000_000;

      Map<String, long[]> counts = new LinkedHashMap<>();
      Map<String, String[]> checksums = new LinkedHashMap<>();
      for (Table t : tables) {
        String[] a = sum(src, t), b = sum(dst, t);
        counts.put(t.name(), new long[] {Long.parseLong(a[0]), Long.parseLong(b[0])});
        checksums.put(t.name(), new String[] {a[1], b[1]});
        if (!a[0].equals(b[0]) || !a[1].equals(b[1])) {
          throw new IllegalStateException(
              "verify failed for " + t.name() + ": source and target differ");
        }
        log("verify " + t.name() + ": " + a[0] + " rows, md5 " + a[1] + " on both");
      }

      log("clean up: subscription, publication, then the source's copy after " + graceMs + " ms");
      exec(dst, "alter subscription " + name() + " disable");
      exec(dst, "alter subscription " + name() + " set (slot_name = none)");
      exec(dst, "drop subscription " + name());
      exec(
          src,
          "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '"
              + name()
              + "'");
      exec(src, "drop publication if exists " + name());
      Thread.sleep(graceMs);
      src.setAutoCommit(false);
      try (Statement s = src.createStatement()) {
        // The fence triggers would refuse these deletes: replica role skips ordinary triggers.
        s.execute("set local session_replication_role = replica");
        for (Table t : tables) {
          s.execute("delete from " + t.name() + " where " + t.where(shard));
        }
      }
      src.commit();
      src.setAutoCommit(true);
      for (Table t : tables) {
        long left = scalar(src, "select count(*) from " + t.name() + " where " + t.where(shard));
        if (left != 0) {
          throw new IllegalStateException(left + " rows of " + t.name() + " left on the source");
        }
      }
      log("done in " + fencedMs + " ms of write fence");
      return new Report(counts, checksums, fencedMs);
    }
  }

  private void preflight(Connection src, Connection dst) throws SQLException {
    if (!"logical".equals(text(src, "show wal_level"))) {
      throw new IllegalStateException("the source needs wal_level=logical");
    }
    for (Table t : tables) {
      long there = scalar(dst, "select count(*) from " + t.name() + " where " + t.where(shard));
      if (there != 0) {
        throw new IllegalStateException(
            "the target already holds " + there + " rows of shard " + shard + " in " + t.name());
      }
    }
    // A leftover of an interrupted run: start over.
    exec(dst, "drop subscription if exists " + name());
  }

  /** The fence table and, per table, a trigger refusing writes to fenced shards. Idempotent. */
  private void installFence(Connection c) throws SQLException {
    // One fence per table and shard: a move fences exactly the rows it moves.
    exec(
        c,
        "create table if not exists surge_shard_fences"
            + " (tbl text not null, shard int not null, primary key (tbl, shard))");
    // The triggers run as whoever writes (the functions' role): it must be able to read it.
    exec(c, "grant select on surge_shard_fences to public");
    for (Table t : tables) {
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

  private List<String> sums(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    for (Table t : tables) {
      String[] s = sum(c, t);
      out.add(s[0] + ":" + s[1]);
    }
    return out;
  }

  /** Row count and an md5 over the rows' text, in a stable order. */
  private String[] sum(Connection c, Table t) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select count(*), coalesce(md5(string_agg(x::text, '|' order by x::text)), '')"
                    + " from "
                    + t.name()
                    + " x where "
                    + t.where(shard))) {
      r.next();
      return new String[] {Long.toString(r.getLong(1)), r.getString(2)};
    }
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(String what, long ms, Check check) throws Exception {
    long deadline = System.currentTimeMillis() + ms;
    while (!check.ok()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(what + " did not finish within " + ms + " ms");
      }
      Thread.sleep(50);
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  private static long scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String text(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  /**
   * Command line: {@code ShardMove --shard 37 --source jdbc:... --source-conninfo '...' --target
   * jdbc:... --table users='(($R.id >> 12) & 1023)' --table user_emails='$R.shard' ... --map-file
   * shards.map --to shard2 [--user postgres] [--password ''] [--grace-ms 6000]}. With --map-file,
   * the flip appends {@code <shard>=<to>} to the map file that routers reload.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--table")) {
        int eq = args[i + 1].indexOf('=');
        tables.add(new Table(args[i + 1].substring(0, eq), args[i + 1].substring(eq + 1)));
      } else {
        opts.put(args[i].substring(2), args[i + 1]);
      }
    }
    int shard = Integer.parseInt(opts.get("shard"));
    String mapFile = opts.get("map-file");
    String to = opts.get("to");
    ShardMove move =
        new ShardMove(
            opts.get("source"),
            opts.get("source-conninfo"),
            opts.get("target"),
            opts.getOrDefault("user", "postgres"),
            opts.getOrDefault("password", ""),
            tables,
            shard,
            Long.parseLong(opts.getOrDefault("grace-ms", "6000")));
    Consumer<String> flip =
        line -> {
          try {
            if (mapFile != null) {
              Files.writeString(
                  Path.of(mapFile),
                  line + System.lineSeparator(),
                  java.nio.file.StandardOpenOption.APPEND);
            }
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        };
    move.run(() -> flip.accept(shard + "=" + to));
  }
}
