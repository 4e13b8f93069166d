// Routing overhead of shared-data's ShardRouter against a direct reactive query (issue 4).
// Same statement (primary-key read of users on 127.0.0.1:5433/surge), same pool settings, 32 in
// flight, alternating rounds so both see the same machine state. Run by perf/sharding-bench.sh.
import dev.surge.data.ShardRouter;
import dev.surge.data.Topology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

public class ShardingOverhead {
  static final String SQL = "select id, handle, display_name, bio, created_at from users where id = $1";

  public static void main(String[] args) throws Exception {
    int perRound = Integer.parseInt(args.length > 0 ? args[0] : "20000");
    int rounds = Integer.parseInt(args.length > 1 ? args[1] : "5");
    Vertx vertx = Vertx.vertx();
    String url = "postgresql://127.0.0.1:5433/surge";
    Pool direct =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(10))
            .connectingTo(PgConnectOptions.fromUri(url).setUser("surge").setPassword("surge")
                .setCachePreparedStatements(true))
            .using(vertx)
            .build();
    ShardRouter router =
        new ShardRouter(
            vertx,
            Topology.of(Map.of("shard1", new Topology.Instance(url, List.of())), "0-1023=shard1"),
            new SimpleMeterRegistry());
    long[] ids =
        direct.query("select id from users order by id limit 2000").execute().await().indefinitely()
            .stream().mapToLong(r -> r.getLong(0)).toArray();
    if (ids.length == 0) {
      throw new IllegalStateException("no users in 5433/surge: run the bench's sign-ups first");
    }
    LongFunction<Uni<?>> viaPool = id -> direct.preparedQuery(SQL).execute(Tuple.of(id));
    LongFunction<Uni<?>> viaRouter =
        id -> router.read(router.route(id), null, p -> p.preparedQuery(SQL).execute(Tuple.of(id)));
    for (int w = 0; w < 3; w++) { // warm-up both paths until the JIT settles
      run(viaPool, ids, perRound);
      run(viaRouter, ids, perRound);
    }
    List<Double> ratios = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      // Alternate which path goes first, so drift (JIT, other load) does not favour one.
      double a, b;
      if (r % 2 == 0) {
        a = run(viaPool, ids, perRound);
        b = run(viaRouter, ids, perRound);
      } else {
        b = run(viaRouter, ids, perRound);
        a = run(viaPool, ids, perRound);
      }
      ratios.add(b / a);
      System.out.printf("round %d: direct %.0f q/s, routed %.0f q/s, routed/direct %.3f%n", r + 1, a, b, b / a);
    }
    ratios.sort(null);
    System.out.printf("median routed/direct throughput ratio: %.3f (%d rounds of %d queries, 32 in flight)%n",
        ratios.get(ratios.size() / 2), rounds, perRound);
    router.close();
    direct.close().await().indefinitely();
    vertx.closeAndAwait();
  }

  /** Queries per second with 32 requests in flight. */
  static double run(LongFunction<Uni<?>> query, long[] ids, int total) throws Exception {
    AtomicLong next = new AtomicLong();
    CountDownLatch done = new CountDownLatch(32);
    long start = System.nanoTime();
    for (int w = 0; w < 32; w++) {
      loop(query, ids, total, next, done);
    }
    done.await();
    return total / ((System.nanoTime() - start) / 1e9);
  }

  static void loop(LongFunction<Uni<?>> query, long[] ids, int total, AtomicLong next, CountDownLatch done) {
    long n = next.getAndIncrement();
    if (n >= total) {
      done.countDown();
      return;
    }
    query.apply(ids[(int) (n % ids.length)]).subscribe().with(
        x -> loop(query, ids, total, next, done),
        e -> { e.printStackTrace(); loop(query, ids, total, next, done); });
  }
}
