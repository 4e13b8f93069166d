package dev.surge.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.LocalShards;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes then reads 1,000 times while shard1's replica has its WAL replay paused: every read with
 * the write's token sees the write (served by the primary); reads without a token go to the replica
 * and see the stale row. Once replay resumes, token reads go back to the replica.
 */
class ReadYourWritesTest {
  static Vertx vertx;
  static ShardRouter router;
  static final long ID = SurgeIds.next(3); // logical shard 3: shard1, which has the replica

  @BeforeAll
  static void start() {
    Clusters.probeTable();
    vertx = Vertx.vertx();
    // A generous lag limit: the paused replica must stay in use for token-less reads.
    router =
        Clusters.router(
            vertx, Clusters.topology(Clusters.HALVES).withReplicaMaxLag(Duration.ofSeconds(120)));
  }

  @AfterAll
  static void stop() {
    LocalShards.exec(Clusters.REPLICA1, "select pg_wal_replay_resume()");
    router.close();
    vertx.closeAndAwait();
  }

  @Test
  void tokenReadsNeverSeeStaleDataWhileTheReplicaIsPaused() throws Exception {
    ShardRouter.Route route = router.route(ID);
    assertEquals("shard1", route.instance());
    var first = upsert(route, 0);
    awaitReplayed(first.token());
    awaitHealthyReplica();

    LocalShards.exec(Clusters.REPLICA1, "select pg_wal_replay_pause()");
    int onPrimary = 0;
    for (int i = 1; i <= 1000; i++) {
      var written = upsert(route, i);
      var target = router.choose(route, written.token()).await().atMost(Clusters.WAIT);
      long seen =
          router.read(route, written.token(), pool -> value(pool)).await().atMost(Clusters.WAIT);
      assertEquals(i, seen, "read " + i + " with its token saw stale data");
      if (!target.replica()) {
        onPrimary++;
      }
    }
    assertTrue(onPrimary >= 999, "a paused replica cannot serve token reads: " + onPrimary);

    // Without a token the read goes to the replica, which is still at value 0.
    var target = router.choose(route, null).await().atMost(Clusters.WAIT);
    assertTrue(target.replica(), "token-less reads use the replica");
    assertEquals(0L, router.read(route, null, pool -> value(pool)).await().atMost(Clusters.WAIT));

    // Replay resumes: the replica catches up and serves token reads again.
    LocalShards.exec(Clusters.REPLICA1, "select pg_wal_replay_resume()");
    var last = upsert(route, 1001);
    awaitReplayed(last.token());
    assertTrue(router.choose(route, last.token()).await().atMost(Clusters.WAIT).replica());
    assertEquals(
        1001L, router.read(route, last.token(), pool -> value(pool)).await().indefinitely());
  }

  private ShardRouter.Written<Integer> upsert(ShardRouter.Route route, long v) {
    return router
        .write(
            route,
            tx ->
                tx.preparedQuery(
                        "insert into sd_test.probe (id, v) values ($1, $2)"
                            + " on conflict (id) do update set v = excluded.v")
                    .execute(Tuple.of(ID, v))
                    .map(rows -> rows.rowCount()))
        .await()
        .atMost(Clusters.WAIT);
  }

  private static io.smallrye.mutiny.Uni<Long> value(io.vertx.mutiny.sqlclient.Pool pool) {
    return pool.preparedQuery("select v from sd_test.probe where id = $1")
        .execute(Tuple.of(ID))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static void awaitReplayed(ConsistencyToken token) throws InterruptedException {
    long deadline = System.nanoTime() + Clusters.WAIT.toNanos();
    while (LocalShards.scalar(
            Clusters.REPLICA1,
            "select (pg_last_wal_replay_lsn() >= '"
                + ConsistencyToken.Lsn.format(token.lsn())
                + "'::pg_lsn)::int")
        == 0) {
      assertTrue(System.nanoTime() < deadline, "replica did not replay " + token);
      Thread.sleep(20);
    }
  }

  private static void awaitHealthyReplica() throws InterruptedException {
    long deadline = System.nanoTime() + Clusters.WAIT.toNanos();
    while (!router.replicasOf("shard1").get(0).healthy()) {
      assertTrue(System.nanoTime() < deadline, "replica never became healthy");
      Thread.sleep(50);
    }
  }
}
