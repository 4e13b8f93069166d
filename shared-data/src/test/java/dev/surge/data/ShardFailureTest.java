package dev.surge.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.ids.SurgeIds;
import dev.surge.model.problem.ProblemException;
import dev.surge.testing.LocalShards;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stops shard2's primary: requests routed there fail with 503 and Retry-After, shard1 keeps
 * answering; after a restart the same router serves shard2 again with no manual step.
 */
class ShardFailureTest {
  static Vertx vertx;
  static ShardRouter router;

  @BeforeAll
  static void start() {
    Clusters.probeTable();
    vertx = Vertx.vertx();
    router = Clusters.router(vertx, Clusters.topology(Clusters.HALVES));
  }

  @AfterAll
  static void stop() {
    LocalShards.cluster("start", "shard2"); // no-op if the test already restarted it
    router.close();
    vertx.closeAndAwait();
  }

  @Test
  void onlyTheDownShardsUsersGet503AndAllRecover() throws Exception {
    long onShard1 = SurgeIds.next(5), onShard2 = SurgeIds.next(600);
    assertEquals("shard2", router.route(onShard2).instance());
    assertEquals(1, touch(onShard1));
    assertEquals(1, touch(onShard2)); // warm pools on both instances

    LocalShards.cluster("stop", "shard2");
    try {
      for (int i = 0; i < 3; i++) {
        var failure = assertThrows(ProblemException.class, () -> touch(onShard2));
        assertEquals(503, failure.problem().status());
        assertEquals("5", failure.headers().get("Retry-After"));
        assertEquals(1, touch(onShard1), "shard1 keeps working");
      }
    } finally {
      LocalShards.cluster("start", "shard2");
    }
    // No reconnect call, no reload: the next attempts after downFor (1 s) succeed.
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      try {
        assertEquals(1, touch(onShard2));
        break;
      } catch (ProblemException e) {
        assertTrue(System.nanoTime() < deadline, "shard2 did not recover");
        Thread.sleep(200);
      }
    }
    assertEquals(1, touch(onShard1));
  }

  private int touch(long id) {
    return router
        .write(
            router.route(id),
            tx ->
                tx.preparedQuery(
                        "insert into sd_test.probe (id, v) values ($1, 1)"
                            + " on conflict (id) do update set v = probe.v + 1")
                    .execute(Tuple.of(id))
                    .map(rows -> rows.rowCount()))
        .await()
        .atMost(Duration.ofSeconds(10))
        .value();
  }
}
