package dev.surge.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.data.move.ShardMove;
import dev.surge.model.ids.SurgeIds;
import dev.surge.model.problem.ProblemException;
import dev.surge.testing.LocalShards;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Moves one logical shard from shard1 to shard2 while four writers insert and update its rows
 * through the router: afterwards every acknowledged write is on shard2 exactly once, with its last
 * acknowledged value, and shard1 holds none of the shard's rows.
 */
class ShardMoveTest {
  static Vertx vertx;
  static ShardRouter router;
  static final String TABLE = "sd_test.items";

  @BeforeAll
  static void start() {
    for (int port : new int[] {Clusters.SHARD1, Clusters.SHARD2}) {
      LocalShards.exec(
          port,
          "create schema if not exists sd_test authorization surge",
          "create table if not exists sd_test.items (id bigint primary key, v bigint not null)",
          "alter table sd_test.items owner to surge");
    }
    vertx = Vertx.vertx();
    router = Clusters.router(vertx, Clusters.topology(Clusters.HALVES));
  }

  @AfterAll
  static void stop() {
    router.close();
    vertx.closeAndAwait();
  }

  @Test
  void movesAShardUnderConcurrentWritesWithNothingLostOrDuplicated() throws Exception {
    int shard = 100 + ThreadLocalRandom.current().nextInt(400); // on shard1 under HALVES
    for (int port : new int[] {Clusters.SHARD1, Clusters.SHARD2}) {
      LocalShards.exec(
          port,
          "create table if not exists surge_shard_fences"
              + " (tbl text not null, shard int not null, primary key (tbl, shard))",
          "grant select on surge_shard_fences to public",
          "delete from surge_shard_fences where tbl = '" + TABLE + "' and shard = " + shard,
          "set session_replication_role = replica; delete from "
              + TABLE
              + " where ((id >> 12) & 1023) = "
              + shard);
    }
    assertEquals("shard1", router.route(SurgeIds.next(shard)).instance());

    Map<Long, Long> acked = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger refused = new AtomicInteger();
    var unexpected = new java.util.concurrent.atomic.AtomicReference<Throwable>();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      writers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    List<Long> mine = new ArrayList<>();
                    while (!stop.get()) {
                      try {
                        if (mine.isEmpty() || ThreadLocalRandom.current().nextBoolean()) {
                          long id = SurgeIds.next(shard);
                          write(id, "insert into " + TABLE + " (id, v) values ($1, 0) returning v");
                          mine.add(id);
                          acked.put(id, 0L);
                        } else {
                          long id = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
                          long v =
                              write(
                                  id,
                                  "update " + TABLE + " set v = v + 1 where id = $1 returning v");
                          acked.put(id, v);
                        }
                      } catch (ProblemException e) {
                        if (e.problem().status() != 503) {
                          unexpected.compareAndSet(null, e);
                        }
                        refused.incrementAndGet();
                        sleep(20);
                      } catch (RuntimeException e) {
                        unexpected.compareAndSet(null, e);
                        return;
                      }
                    }
                  }));
    }
    sleep(500); // some rows before the copy starts
    ShardMove move =
        new ShardMove(
            "jdbc:postgresql://127.0.0.1:5433/surge_test",
            "host=127.0.0.1 port=5433 dbname=surge_test user=postgres",
            "jdbc:postgresql://127.0.0.1:5434/surge_test",
            "postgres",
            "",
            List.of(new ShardMove.Table(TABLE, "(($R.id >> 12) & 1023)")),
            shard,
            300);
    var report = move.run(() -> router.reload(router.map().with(shard, "shard2")));
    sleep(500); // writes keep going, now on shard2
    stop.set(true);
    for (Thread t : writers) {
      t.join();
    }

    assertEquals(null, unexpected.get(), "writers failed only with 503 during the fence");
    assertEquals("shard2", router.route(SurgeIds.next(shard)).instance());
    long onSource =
        LocalShards.scalar(
            Clusters.SHARD1,
            "select count(*) from " + TABLE + " where ((id >> 12) & 1023) = " + shard);
    assertEquals(0, onSource, "the old copy is gone");
    long onTarget =
        LocalShards.scalar(
            Clusters.SHARD2,
            "select count(*) from " + TABLE + " where ((id >> 12) & 1023) = " + shard);
    assertEquals(acked.size(), onTarget, "every acknowledged insert exactly once, nothing else");
    try (var c = LocalShards.admin(Clusters.SHARD2);
        var s = c.createStatement();
        var rows =
            s.executeQuery(
                "select id, v from " + TABLE + " where ((id >> 12) & 1023) = " + shard)) {
      int checked = 0;
      while (rows.next()) {
        assertEquals(acked.get(rows.getLong(1)), rows.getLong(2), "last acknowledged value");
        checked++;
      }
      assertEquals(acked.size(), checked);
    }
    System.out.printf(
        "moved shard %d: %d rows, %d writes refused during a %d ms fence%n",
        shard, acked.size(), refused.get(), report.fencedMs());
    assertTrue(acked.size() > 50, "the writers really wrote: " + acked.size());
  }

  static long write(long id, String sql) {
    return router
        .write(
            router.route(id),
            tx ->
                tx.preparedQuery(sql)
                    .execute(Tuple.of(id))
                    .map(r -> r.iterator().next().getLong(0)))
        .await()
        .atMost(Duration.ofSeconds(10))
        .value();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
