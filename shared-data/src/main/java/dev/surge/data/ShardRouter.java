package dev.surge.data;

import dev.surge.data.ConsistencyToken.Lsn;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one place that knows where data lives. Every repository call asks it for the pool of the
 * right physical instance: {@link #route} an id or {@link #routeKey} a lookup key, then {@link
 * #write} (primary, transaction, returns a {@link ConsistencyToken}) or {@link #read} (a healthy
 * replica when the token allows it, else the primary).
 *
 * <p>An instance whose primary cannot be reached fails only its own requests, as 503 problem+json
 * with Retry-After; after {@code downFor} the next request tries it again, so recovery needs no
 * manual step. See README.md for the design.
 */
public final class ShardRouter implements AutoCloseable {
  /** SQLSTATE raised by the shard-move write fence (see ShardMove). */
  public static final String FENCED_SQLSTATE = "SF001";

  /** Where a key lives: its logical shard and, under the current map, its instance. */
  public record Route(int shard, String instance) {}

  /** A committed write's result and the token a later read of it should carry. */
  public record Written<T>(T value, ConsistencyToken token) {}

  /** The pool chosen for one read, and its name (the instance, or the replica's address). */
  public record Target(Pool pool, String node, boolean replica) {}

  private final Vertx vertx;
  private final MeterRegistry metrics;
  private final Unavailability unavailability;
  private final InstancePools pools;
  private final ShardMapHolder map;
  private final ReplicaSelector selector;
  private final Set<Integer> fenced = ConcurrentHashMap.newKeySet();
  private final List<Long> timers = new ArrayList<>();

  public ShardRouter(Vertx vertx, Topology topology, MeterRegistry metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.unavailability = new Unavailability(topology, metrics);
    ShardMap initial = ShardMap.parse(topology.map(), topology.shards());
    this.pools = new InstancePools(vertx, topology, metrics);
    this.map = new ShardMapHolder(topology, initial, pools::has);
    this.selector = new ReplicaSelector(pools);
    topology.mapFile().ifPresent(file -> map.reloadFromFile());
    if (pools.anyReplicas()) {
      ReplicaProbe probe = new ReplicaProbe(pools, topology);
      probe.probeAll();
      timers.add(
          vertx.setPeriodic(topology.replicaProbeInterval().toMillis(), id -> probe.probeAll()));
    }
    if (topology.mapFile().isPresent()) {
      timers.add(
          vertx.setPeriodic(topology.mapReloadInterval().toMillis(), id -> map.reloadFromFile()));
    }
  }

  // --- map ------------------------------------------------------------------------------------

  public ShardMap map() {
    return map.map();
  }

  /** Swaps the shard map; every later route uses it. Rejects maps naming unknown instances. */
  public void reload(ShardMap next) {
    map.reload(next);
  }

  public Route route(long id) {
    ShardMap m = map.map();
    int shard = m.shardOf(id);
    return new Route(shard, m.instanceOf(shard));
  }

  public Route routeKey(String key) {
    ShardMap m = map.map();
    int shard = m.shardOfKey(key);
    return new Route(shard, m.instanceOf(shard));
  }

  public Set<String> instances() {
    return pools.instances();
  }

  /** The primary pool of an instance, for explicit cross-shard work (relays, tools). */
  public Pool primary(String instance) {
    return pools.primary(instance);
  }

  // --- writes ---------------------------------------------------------------------------------

  /** Refuses writes to one logical shard in this process (503, retry in 1 s). */
  public void fence(int shard) {
    fenced.add(shard);
  }

  public void unfence(int shard) {
    fenced.remove(shard);
  }

  /**
   * Runs {@code work} in a transaction on the route's primary, then reads the WAL position, which
   * is at or after the commit record: the consistency token of this write.
   */
  public <T> Uni<Written<T>> write(Route route, Function<SqlConnection, Uni<T>> work) {
    if (fenced.contains(route.shard())) {
      return Uni.createFrom().failure(Unavailability.fencedProblem());
    }
    return onPrimary(
        route,
        pool ->
            pool.withTransaction(work)
                .chain(
                    value ->
                        pool.query("select pg_current_wal_lsn()::text")
                            .execute()
                            .map(
                                rows ->
                                    new Written<>(
                                        value,
                                        new ConsistencyToken(
                                            route.instance(),
                                            Lsn.parse(rows.iterator().next().getString(0)))))));
  }

  /** {@link #write(Route, Function)} on the shard of {@code ownerId}, the id that owns the rows. */
  public <T> Uni<Written<T>> write(long ownerId, Function<SqlConnection, Uni<T>> work) {
    return write(route(ownerId), work);
  }

  /** Any work on the route's primary, with the instance's failures mapped to 503. */
  public <T> Uni<T> onPrimary(Route route, Function<Pool, Uni<T>> work) {
    return onInstance(route.instance(), work);
  }

  /** Work on a named instance's primary (explicit cross-shard code), failures mapped to 503. */
  public <T> Uni<T> onInstance(String instance, Function<Pool, Uni<T>> work) {
    return unavailability.guarded(instance, () -> work.apply(primary(instance)));
  }

  /** True for failures meaning "the instance cannot serve now", as opposed to a bad query. */
  public static boolean isUnavailable(Throwable failure) {
    return Unavailability.isUnavailable(failure);
  }

  // --- reads ----------------------------------------------------------------------------------

  /**
   * Runs a read on the right node: without a token, a healthy replica of the route's instance (else
   * the primary); with a token, a replica only if it has replayed past the token, else the primary.
   * A replica failing mid-read is retried on the primary.
   */
  public <T> Uni<T> read(Route route, ConsistencyToken token, Function<Pool, Uni<T>> work) {
    return choose(route, token)
        .chain(
            target -> {
              metrics
                  .counter(
                      "surge.db.reads",
                      "instance",
                      route.instance(),
                      "target",
                      target.replica() ? "replica" : "primary")
                  .increment();
              if (!target.replica()) {
                return onPrimary(route, work);
              }
              return work.apply(target.pool())
                  .onFailure(ShardRouter::isUnavailable)
                  .recoverWithUni(
                      e -> {
                        selector.markUnhealthy(target);
                        return onPrimary(route, work);
                      });
            });
  }

  /** {@link #read(Route, ConsistencyToken, Function)} on the shard of {@code ownerId}. */
  public <T> Uni<T> read(long ownerId, ConsistencyToken token, Function<Pool, Uni<T>> work) {
    return read(route(ownerId), token, work);
  }

  /**
   * One read per logical shard among {@code ids}, in parallel, each given the ids of its shard
   * (replicas as for a read without a token). The results come back in no particular order; ids
   * that share a shard share a query, so n ids on k shards cost k queries, not n.
   */
  public <T> Uni<List<T>> readByShard(
      Collection<Long> ids, BiFunction<Pool, List<Long>, Uni<T>> query) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Map<Integer, List<Long>> byShard = new HashMap<>();
    for (long id : ids) {
      byShard.computeIfAbsent(route(id).shard(), shard -> new ArrayList<>()).add(id);
    }
    List<Uni<T>> reads = new ArrayList<>();
    for (List<Long> group : byShard.values()) {
      reads.add(read(group.getFirst(), null, pool -> query.apply(pool, group)));
    }
    return Uni.join().all(reads).andFailFast();
  }

  /** Which node a read with this token would use (exposed for tests and metrics). */
  public Uni<Target> choose(Route route, ConsistencyToken token) {
    return selector.choose(route, token);
  }

  /** The replicas of an instance and their last probed state (tests, status pages). */
  public List<Replica> replicasOf(String instance) {
    return pools.replicasOf(instance);
  }

  /** A streaming replica and what the last probe saw ({@link ReplicaProbe} keeps it current). */
  public static final class Replica {
    final String instance;
    final String url;
    final Pool pool;
    volatile boolean healthy;
    volatile long replayLsn = -1;
    volatile double lagSeconds = Double.NaN;
    volatile double lagBytes = Double.NaN;

    Replica(String instance, String url, Pool pool, MeterRegistry metrics) {
      this.instance = instance;
      this.url = url;
      this.pool = pool;
      String node = url.replaceFirst("^[a-z]+://", "").replaceFirst("/.*$", "");
      Gauge.builder("surge.db.replica.lag.seconds", this, x -> x.lagSeconds)
          .tags("instance", instance, "replica", node)
          .description("How far the replica's replay is behind its primary, in seconds")
          .register(metrics);
      Gauge.builder("surge.db.replica.lag.bytes", this, x -> x.lagBytes)
          .tags("instance", instance, "replica", node)
          .description("WAL bytes the primary wrote that the replica has not replayed")
          .register(metrics);
      Gauge.builder("surge.db.replica.healthy", this, x -> x.healthy ? 1 : 0)
          .tags("instance", instance, "replica", node)
          .description("1 when reads may use this replica")
          .register(metrics);
    }

    public boolean healthy() {
      return healthy;
    }

    public long replayLsn() {
      return replayLsn;
    }

    public double lagSeconds() {
      return lagSeconds;
    }

    public String url() {
      return url;
    }
  }

  /** Runs a statement on every instance's primary: explicit, rare cross-shard work. */
  public <T> Uni<List<T>> onEveryInstance(Function<Pool, Uni<T>> work) {
    List<Uni<T>> all = new ArrayList<>();
    for (String instance : pools.instances()) {
      all.add(onInstance(instance, work));
    }
    return Uni.join().all(all).andCollectFailures();
  }

  /** Convenience for tests: {@code select 1} style scalar on a pool. */
  public static Uni<Long> scalar(Pool pool, String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args).map(rows -> rows.iterator().next().getLong(0));
  }

  @Override
  public void close() {
    timers.forEach(vertx::cancelTimer);
    pools.close();
  }
}
