package dev.surge.data;

import dev.surge.data.ShardRouter.Replica;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One reactive pool per primary and per replica of every configured instance. */
final class InstancePools implements AutoCloseable {
  private final Vertx vertx;
  private final Topology topology;
  private final Map<String, Pool> primaries = new LinkedHashMap<>();
  private final Map<String, List<Replica>> replicas = new LinkedHashMap<>();

  InstancePools(Vertx vertx, Topology topology, MeterRegistry metrics) {
    this.vertx = vertx;
    this.topology = topology;
    topology
        .instances()
        .forEach(
            (name, instance) -> {
              primaries.put(name, pool(instance.primary(), name));
              List<Replica> list = new ArrayList<>();
              for (String url : instance.replicas()) {
                list.add(new Replica(name, url, pool(url, name + "-replica"), metrics));
              }
              replicas.put(name, List.copyOf(list));
            });
  }

  private Pool pool(String url, String name) {
    PgConnectOptions connect =
        PgConnectOptions.fromUri(url)
            .setUser(topology.username())
            .setPassword(topology.password())
            .setConnectTimeout((int) topology.connectTimeout().toMillis())
            .setCachePreparedStatements(true)
            .setPreparedStatementCacheMaxSize(256)
            .setReconnectAttempts(0)
            // Sent once per connection in the start-up message: no extra round trip per query.
            .addProperty(
                "statement_timeout", Long.toString(topology.statementTimeout().toMillis()));
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

  Set<String> instances() {
    return primaries.keySet();
  }

  boolean has(String instance) {
    return primaries.containsKey(instance);
  }

  Pool primary(String instance) {
    Pool pool = primaries.get(instance);
    if (pool == null) {
      throw new IllegalArgumentException("unknown instance " + instance);
    }
    return pool;
  }

  List<Replica> replicasOf(String instance) {
    return replicas.getOrDefault(instance, List.of());
  }

  Map<String, List<Replica>> replicas() {
    return replicas;
  }

  boolean anyReplicas() {
    return replicas.values().stream().anyMatch(l -> !l.isEmpty());
  }

  @Override
  public void close() {
    primaries.values().forEach(p -> p.close().subscribe().with(x -> {}, e -> {}));
    replicas.values().stream()
        .flatMap(List::stream)
        .forEach(r -> r.pool.close().subscribe().with(x -> {}, e -> {}));
  }
}
