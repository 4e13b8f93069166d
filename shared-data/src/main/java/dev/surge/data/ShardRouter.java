package dev.surge.data;

import dev.surge.data.ConsistencyToken.Lsn;
import dev.surge.model.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

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
  private static final Logger LOG = Logger.getLogger(ShardRouter.class);

  /** SQLSTATE raised by the shard-move write fence (see ShardMove). */
  public static final String FENCED_SQLSTATE = "SF001";

  /** Where a key lives: its logical shard and, under the current map, its instance. */
  public record Route(int shard, String instance) {}

  /** A committed write's result and the token a later read of it should carry. */
  public record Written<T>(T value, ConsistencyToken token) {}

  /** The pool chosen for one read, and its name (the instance, or the replica's address). */
  public record Target(Pool pool, String node, boolean replica) {}

  private final Vertx vertx;
  private final Topology topology;
  private final MeterRegistry metrics;
  private volatile ShardMap map;
  private final Map<String, Pool> primaries = new LinkedHashMap<>();
  private final Map<String, List<Replica>> replicas = new LinkedHashMap<>();
  private final Map<String, Long> downUntil = new ConcurrentHashMap<>();
  private final Set<Integer> fenced = ConcurrentHashMap.newKeySet();
  private final AtomicInteger roundRobin = new AtomicInteger();
  private final List<Long> timers = new ArrayList<>();
  private final Counter unavailable;
  private volatile FileTime mapFileTime;

  public ShardRouter(Vertx vertx, Topology topology, MeterRegistry metrics) {
    this.vertx = vertx;
    this.topology = topology;
    this.metrics = metrics;
    this.unavailable = metrics.counter("surge.db.unavailable");
    this.map = ShardMap.parse(topology.map(), topology.shards());
    topology
        .instances()
        .forEach(
            (name, instance) -> {
              primaries.put(name, pool(instance.primary(), name));
              List<Replica> list = new ArrayList<>();
              for (String url : instance.replicas()) {
                list.add(new Replica(name, url, pool(url, name + "-replica")));
              }
              replicas.put(name, List.copyOf(list));
            });
    check(map);
    topology.mapFile().ifPresent(file -> reloadFromFile());
    if (replicas.values().stream().anyMatch(l -> !l.isEmpty())) {
      probeReplicas();
      timers.add(
          vertx.setPeriodic(topology.replicaProbeInterval().toMillis(), id -> probeReplicas()));
    }
    if (topology.mapFile().isPresent()) {
      timers.add(
          vertx.setPeriodic(topology.mapReloadInterval().toMillis(), id -> reloadFromFile()));
    }
  }

  private Pool pool(String url, String name) {
    PgConnectOptions connect =
        PgConnectOptions.fromUri(url)
            .setUser(topology.username())
            .setPassword(topology.password())
            .setConnectTimeout((int) topology.connectTimeout().toMillis())
            .setCachePreparedStatements(true)
            .setPreparedStatementCacheMaxSize(256)
            .setReconnectAttempts(0);
    PoolOptions options =
        new PoolOptions()
            .setName("surge-" + name)
            .setMaxSize(topology.poolSize())
            .setConnectionTimeout((int) topology.connectTimeout().toMillis())
            .setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
            .setIdleTimeout(60)
            .setMaxWaitQueueSize(1000)
            .setShared(false);
    return PgBuilder.pool().with(options).connectingTo(connect).using(vertx).build();
  }

  // --- map ------------------------------------------------------------------------------------

  public ShardMap map() {
    return map;
  }

  /** Swaps the shard map; every later route uses it. Rejects maps naming unknown instances. */
  public void reload(ShardMap next) {
    check(next);
    if (!next.equals(map)) {
      LOG.infof("Shard map reloaded: %s", next.spec());
      map = next;
    }
  }

  private void check(ShardMap next) {
    if (next.shards() != topology.shards()) {
      throw new IllegalArgumentException("the shard count is fixed at " + topology.shards());
    }
    for (String instance : next.instances()) {
      if (!primaries.containsKey(instance)) {
        throw new IllegalArgumentException("shard map names an unknown instance: " + instance);
      }
    }
  }

  private void reloadFromFile() {
    var file = topology.mapFile().orElseThrow();
    try {
      FileTime time = Files.getLastModifiedTime(file);
      if (time.equals(mapFileTime)) {
        return;
      }
      String spec =
          Files.readAllLines(file).stream()
              .map(l -> l.replaceAll("#.*", "").strip())
              .filter(l -> !l.isEmpty())
              .collect(Collectors.joining(","));
      reload(ShardMap.parse(spec, topology.shards()));
      mapFileTime = time;
    } catch (Exception e) {
      // Keep routing with the last good map; a broken file must not take the function down.
      LOG.errorf("Shard map file %s not loaded, keeping the current map: %s", file, e.toString());
    }
  }

  public Route route(long id) {
    ShardMap m = map;
    int shard = m.shardOf(id);
    return new Route(shard, m.instanceOf(shard));
  }

  public Route routeKey(String key) {
    ShardMap m = map;
    int shard = m.shardOfKey(key);
    return new Route(shard, m.instanceOf(shard));
  }

  public Set<String> instances() {
    return primaries.keySet();
  }

  /** The primary pool of an instance, for explicit cross-shard work (relays, tools). */
  public Pool primary(String instance) {
    Pool pool = primaries.get(instance);
    if (pool == null) {
      throw new IllegalArgumentException("unknown instance " + instance);
    }
    return pool;
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
      return Uni.createFrom().failure(fencedProblem());
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

  /** Any work on the route's primary, with the instance's failures mapped to 503. */
  public <T> Uni<T> onPrimary(Route route, Function<Pool, Uni<T>> work) {
    return guarded(route.instance(), () -> work.apply(primary(route.instance())));
  }

  /** Work on a named instance's primary (explicit cross-shard code), failures mapped to 503. */
  public <T> Uni<T> onInstance(String instance, Function<Pool, Uni<T>> work) {
    return guarded(instance, () -> work.apply(primary(instance)));
  }

  private <T> Uni<T> guarded(String instance, java.util.function.Supplier<Uni<T>> work) {
    Long until = downUntil.get(instance);
    if (until != null && System.currentTimeMillis() < until) {
      unavailable.increment();
      return Uni.createFrom().failure(unavailableProblem(instance));
    }
    return Uni.createFrom()
        .<T>deferred(() -> work.get())
        .onFailure(ShardRouter::isUnavailable)
        .transform(
            e -> {
              if (!isFenced(e)) {
                downUntil.put(instance, System.currentTimeMillis() + topology.downFor().toMillis());
                LOG.warnf("Instance %s unavailable: %s", instance, e.toString());
              }
              unavailable.increment();
              return isFenced(e) ? fencedProblem() : unavailableProblem(instance);
            })
        .invoke(() -> downUntil.remove(instance));
  }

  private ProblemException unavailableProblem(String instance) {
    return ProblemException.unavailable(
        "The data for this request is temporarily unavailable", topology.retryAfterSeconds());
  }

  private static ProblemException fencedProblem() {
    return ProblemException.unavailable("This data is being moved; retry shortly", 1);
  }

  /** True for failures meaning "the instance cannot serve now", as opposed to a bad query. */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ProblemException) {
        return false;
      }
      if (t instanceof java.net.ConnectException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof io.vertx.sqlclient.ClosedConnectionException
          || t instanceof io.vertx.core.impl.NoStackTraceTimeoutException
          || t instanceof java.io.IOException) {
        return true;
      }
      if (t instanceof PgException pg && pg.getSqlState() != null) {
        String state = pg.getSqlState();
        if (state.startsWith("08") || state.startsWith("57P") || state.equals(FENCED_SQLSTATE)) {
          return true;
        }
      }
      if (t.getClass().getName().startsWith("io.netty.channel.")
          && t.getClass().getSimpleName().contains("Connect")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static boolean isFenced(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof PgException pg && FENCED_SQLSTATE.equals(pg.getSqlState())) {
        return true;
      }
    }
    return false;
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
                        replicaFor(target).ifPresent(r -> r.healthy = false);
                        return onPrimary(route, work);
                      });
            });
  }

  /** Which node a read with this token would use (exposed for tests and metrics). */
  public Uni<Target> choose(Route route, ConsistencyToken token) {
    Target primary = new Target(primary(route.instance()), route.instance(), false);
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

  private java.util.Optional<Replica> replicaFor(Target target) {
    return replicas.values().stream()
        .flatMap(List::stream)
        .filter(r -> r.url.equals(target.node()))
        .findFirst();
  }

  private Replica healthyReplica(String instance) {
    List<Replica> list = replicas.getOrDefault(instance, List.of());
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

  /** The replicas of an instance and their last probed state (tests, status pages). */
  public List<Replica> replicasOf(String instance) {
    return replicas.getOrDefault(instance, List.of());
  }

  private void probeReplicas() {
    replicas.forEach(
        (instance, list) -> {
          for (Replica r : list) {
            probe(instance, r).subscribe().with(ok -> {}, e -> {});
          }
        });
  }

  private Uni<Void> probe(String instance, Replica r) {
    Uni<Long> primaryLsn =
        primary(instance)
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
                    .invoke((Row row) -> r.update(head, row, topology.replicaMaxLag())))
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

  /** A streaming replica and what the last probe saw. */
  public final class Replica {
    final String instance;
    final String url;
    final Pool pool;
    volatile boolean healthy;
    volatile long replayLsn = -1;
    volatile double lagSeconds = Double.NaN;
    volatile double lagBytes = Double.NaN;

    Replica(String instance, String url, Pool pool) {
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

    void update(long head, Row row, java.time.Duration maxLag) {
      String replayText = row.getString(0);
      long replayed = replayText == null ? -1 : Lsn.parse(replayText);
      replayLsn = Math.max(replayLsn, replayed);
      Double sinceReplay = row.getDouble(1);
      if (head < 0) {
        // The primary is unreachable: nothing newer exists to replay, serve what we have.
        lagBytes = Double.NaN;
        lagSeconds = 0;
      } else if (replayed >= head) {
        lagBytes = 0;
        lagSeconds = 0;
      } else {
        lagBytes = head - replayed;
        lagSeconds = sinceReplay == null ? Double.POSITIVE_INFINITY : Math.max(0, sinceReplay);
      }
      boolean ok = lagSeconds <= maxLag.toMillis() / 1000.0;
      if (ok != healthy) {
        LOG.infof(
            "Replica %s of %s is %s (lag %.1f s)",
            url, instance, ok ? "in use" : "skipped", lagSeconds);
      }
      healthy = ok;
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
    for (String instance : primaries.keySet()) {
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
    primaries.values().forEach(p -> p.close().subscribe().with(x -> {}, e -> {}));
    replicas.values().stream()
        .flatMap(List::stream)
        .forEach(r -> r.pool.close().subscribe().with(x -> {}, e -> {}));
  }
}
