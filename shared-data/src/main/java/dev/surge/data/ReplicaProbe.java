package dev.surge.data;

import dev.surge.data.ConsistencyToken.Lsn;
import dev.surge.data.ShardRouter.Replica;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import org.jboss.logging.Logger;

/** Measures each replica's lag against its primary and decides whether reads may use it. */
final class ReplicaProbe {
  // Logged under the router's category so operators' log filters keep working.
  private static final Logger LOG = Logger.getLogger(ShardRouter.class);

  private final InstancePools pools;
  private final Topology topology;

  ReplicaProbe(InstancePools pools, Topology topology) {
    this.pools = pools;
    this.topology = topology;
  }

  void probeAll() {
    pools
        .replicas()
        .forEach(
            (instance, list) -> {
              for (Replica r : list) {
                probe(instance, r).subscribe().with(ok -> {}, e -> {});
              }
            });
  }

  private Uni<Void> probe(String instance, Replica r) {
    Uni<Long> primaryLsn =
        pools
            .primary(instance)
            .query("select pg_current_wal_lsn()::text")
            .execute()
            .map(rows -> Lsn.parse(rows.iterator().next().getString(0)))
            .onFailure()
            .recoverWithItem(-1L);
    return primaryLsn
        .chain(
            head ->
                r.pool
                    .query(
                        "select pg_last_wal_replay_lsn()::text,"
                            + " extract(epoch from now() - pg_last_xact_replay_timestamp())::float8")
                    .execute()
                    .map(rows -> rows.iterator().next())
                    .invoke((Row row) -> update(r, head, row)))
        .onFailure()
        .invoke(
            e -> {
              if (r.healthy) {
                LOG.warnf("Replica %s of %s skipped: %s", r.url, instance, e.toString());
              }
              r.healthy = false;
            })
        .replaceWithVoid();
  }

  private void update(Replica r, long head, Row row) {
    String replayText = row.getString(0);
    long replayed = replayText == null ? -1 : Lsn.parse(replayText);
    r.replayLsn = Math.max(r.replayLsn, replayed);
    Double sinceReplay = row.getDouble(1);
    if (head < 0) {
      // The primary is unreachable: nothing newer exists to replay, serve what we have.
      r.lagBytes = Double.NaN;
      r.lagSeconds = 0;
    } else if (replayed >= head) {
      r.lagBytes = 0;
      r.lagSeconds = 0;
    } else {
      r.lagBytes = head - replayed;
      r.lagSeconds = sinceReplay == null ? Double.POSITIVE_INFINITY : Math.max(0, sinceReplay);
    }
    boolean ok = r.lagSeconds <= topology.replicaMaxLag().toMillis() / 1000.0;
    if (ok != r.healthy) {
      LOG.infof(
          "Replica %s of %s is %s (lag %.1f s)",
          r.url, r.instance, ok ? "in use" : "skipped", r.lagSeconds);
    }
    r.healthy = ok;
  }
}
