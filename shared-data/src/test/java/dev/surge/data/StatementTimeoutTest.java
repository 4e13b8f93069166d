package dev.surge.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.ids.SurgeIds;
import dev.surge.model.problem.ProblemException;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A query that would run for ever ends at the statement timeout with a 503 for its request, and the
 * instance keeps serving: every call to PostgreSQL on a request path is bounded.
 */
class StatementTimeoutTest {
  static Vertx vertx;
  static ShardRouter router;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    router =
        Clusters.router(
            vertx, Clusters.topology(Clusters.HALVES).withStatementTimeout(Duration.ofMillis(300)));
  }

  @AfterAll
  static void stop() {
    router.close();
    vertx.closeAndAwait();
  }

  @Test
  void aStuckQueryIsCancelledWith503() {
    long id = SurgeIds.next(5);
    long started = System.nanoTime();
    var failure = assertThrows(ProblemException.class, () -> sleep(id, 30));
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(503, failure.problem().status());
    assertTrue(tookMs < 5_000, "cancelled after " + tookMs + " ms, not after 30 s");
  }

  private int sleep(long id, int seconds) {
    return router
        .write(
            router.route(id),
            tx -> tx.query("select pg_sleep(" + seconds + ")").execute().map(rows -> rows.size()))
        .await()
        .atMost(Duration.ofSeconds(40))
        .value();
  }
}
