package dev.surge.data;

import dev.surge.data.ConsistencyToken.Lsn;
import dev.surge.data.ShardRouter.Replica;
import dev.surge.data.ShardRouter.Route;
import dev.surge.data.ShardRouter.Target;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Picks the node for a read: a healthy replica that has replayed far enough, else the primary. */
final class ReplicaSelector {
  private final InstancePools pools;
  private final AtomicInteger roundRobin = new AtomicInteger();

  ReplicaSelector(InstancePools pools) {
    this.pools = pools;
  }

  Uni<Target> choose(Route route, ConsistencyToken token) {
    Target primary = new Target(pools.primary(route.instance()), route.instance(), false);
    Replica replica = healthyReplica(route.instance());
    if (replica == null) {
      return Uni.createFrom().item(primary);
    }
    Target onReplica = new Target(replica.pool, replica.url, true);
    if (token == null) {
      return Uni.createFrom().item(onReplica);
    }
    if (!token.instance().equals(route.instance())) {
      // Written on another instance (e.g. before a shard move): only the primary is safe.
      return Uni.createFrom().item(primary);
    }
    if (replica.replayLsn >= token.lsn()) {
      return Uni.createFrom().item(onReplica);
    }
    // The probe's figure is a lower bound; ask the replica itself before giving up on it.
    return replica
        .pool
        .query("select pg_last_wal_replay_lsn()::text")
        .execute()
        .map(
            rows -> {
              String text = rows.iterator().next().getString(0);
              long replayed = text == null ? -1 : Lsn.parse(text);
              replica.replayLsn = Math.max(replica.replayLsn, replayed);
              return replayed >= token.lsn() ? onReplica : primary;
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              replica.healthy = false;
              return primary;
            });
  }

  /** A replica that failed a read is skipped until the next probe sees it healthy. */
  void markUnhealthy(Target target) {
    replicaFor(target).ifPresent(r -> r.healthy = false);
  }

  private Optional<Replica> replicaFor(Target target) {
    return pools.replicas().values().stream()
        .flatMap(List::stream)
        .filter(r -> r.url.equals(target.node()))
        .findFirst();
  }

  private Replica healthyReplica(String instance) {
    List<Replica> list = pools.replicasOf(instance);
    int n = list.size();
    if (n == 0) {
      return null;
    }
    int start = Math.floorMod(roundRobin.getAndIncrement(), n);
    for (int i = 0; i < n; i++) {
      Replica r = list.get((start + i) % n);
      if (r.healthy) {
        return r;
      }
    }
    return null;
  }
}
