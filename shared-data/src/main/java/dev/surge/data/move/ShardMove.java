package dev.surge.data.move;

import static dev.surge.data.move.Jdbc.log;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 *
 * @param sourceUrl JDBC URL of the source primary's database
 * @param sourceConninfo libpq conninfo the target uses to subscribe to the source
 */
public record ShardMove(
    String sourceUrl,
    String sourceConninfo,
    String targetUrl,
    String user,
    String password,
    List<Table> tables,
    int shard,
    long graceMs) {
  /** A table and the SQL expression of its rows' logical shard, with {@code $R} for the row. */
  public record Table(String name, String shardExpression) {
    String where(int shard) {
      return "(" + shardExpression.replace("$R.", "") + ") = " + shard;
    }
  }

  /** Counts and checksums per table, source and target, after the move. */
  public record Report(
      Map<String, long[]> counts, Map<String, String[]> checksums, long fencedMs) {}

  public ShardMove {
    tables = List.copyOf(tables);
  }

  /** The settings of the move, without the password. */
  @Override
  public String toString() {
    return "ShardMove[shard=%d, source=%s, target=%s, user=%s, tables=%s, graceMs=%d]"
        .formatted(shard, sourceUrl, targetUrl, user, tables, graceMs);
  }

  private Connection source() throws SQLException {
    return DriverManager.getConnection(sourceUrl, user, password);
  }

  private Connection target() throws SQLException {
    return DriverManager.getConnection(targetUrl, user, password);
  }

  /** Runs the whole move; {@code onFlip} must make routers use the target for the shard. */
  public Report run(Runnable onFlip) throws Exception {
    MoveScope scope = new MoveScope(tables, shard);
    try (Connection src = source();
        Connection dst = target()) {
      Preflight.check(scope, src, dst);
      WriteFence.install(scope, src);
      WriteFence.install(scope, dst);
      WriteFence.lift(scope, dst);

      log("copy: publication on the source, subscription on the target");
      Copy.start(scope, src, dst, sourceConninfo);

      log("fence: writes to shard " + shard + " on the source now fail with SF001");
      long fenceStart = WriteFence.close(scope, src);

      log("catch up: waiting for the target to match the frozen source");
      Checksums.catchUp(scope, src, dst);

      log("flip: the map now sends shard " + shard + " to the target");
      onFlip.run();
      long fencedMs = (System.nanoTime() - fenceStart) / 1_000_000;

      Map<String, long[]> counts = new LinkedHashMap<>();
      Map<String, String[]> checksums = new LinkedHashMap<>();
      Checksums.verify(scope, src, dst, counts, checksums);

      log("clean up: subscription, publication, then the source's copy after " + graceMs + " ms");
      Cleanup.run(scope, src, dst, graceMs);
      log("done in " + fencedMs + " ms of write fence");
      return new Report(counts, checksums, fencedMs);
    }
  }

  /**
   * Command line: {@code ShardMove --shard 37 --source jdbc:... --source-conninfo '...' --target
   * jdbc:... --table users='(($R.id >> 12) & 1023)' --table user_emails='$R.shard' ... --map-file
   * shards.map --to shard2 [--user postgres] [--password ''] [--grace-ms 6000]}. With --map-file,
   * the flip appends {@code <shard>=<to>} to the map file that routers reload.
   */
  public static void main(String[] args) throws Exception {
    ShardMoveCommand.main(args);
  }
}
