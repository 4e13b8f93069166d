package dev.surge.cache.support;

import dev.surge.cache.CacheSpec;
import dev.surge.cache.Caches;
import dev.surge.cache.MultiLevelCache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test table {@code cache_test_items} (ids 1..1000) read through a SQL function that logs every
 * call into {@code cache_test_queries}, with the number of lookups active in the database at that
 * moment: database queries and database-side concurrency are counted by the database itself. Two
 * caches over it ({@link #a}, {@link #b}) share Redis and the name but each has its own L1,
 * single-flight and lease owner: two instances of a function, in one JVM.
 */
@ApplicationScoped
public class TestItems {
  private static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS cache_test_items (id bigint PRIMARY KEY, name text NOT NULL)",
          "CREATE TABLE IF NOT EXISTS cache_test_queries (item_id bigint, active int,"
              + " at timestamptz DEFAULT clock_timestamp())",
          """
          CREATE OR REPLACE FUNCTION cache_test_lookup(p bigint, delay float8) RETURNS text
          LANGUAGE plpgsql AS $$
          DECLARE n int;
          BEGIN
            SELECT count(*) INTO n FROM pg_stat_activity
              WHERE state = 'active' AND query LIKE 'SELECT cache_test_lookup(%';
            INSERT INTO cache_test_queries (item_id, active) VALUES (p, n);
            PERFORM pg_sleep(delay);
            RETURN (SELECT name FROM cache_test_items WHERE id = p);
          END $$""",
          "INSERT INTO cache_test_items SELECT g, 'item-' || g FROM generate_series(1, 1000) g"
              + " ON CONFLICT DO NOTHING");

  private final Pool pool;
  private final AtomicInteger loaderCalls = new AtomicInteger();
  private final String prefix = "test:" + UUID.randomUUID().toString().substring(0, 8) + ":items";
  private volatile double delaySeconds = 0.0;
  private MultiLevelCache<String> a;
  private MultiLevelCache<String> b;

  public TestItems(Pool pool) {
    this.pool = pool;
  }

  void start(@Observes StartupEvent event, Caches caches) {
    for (String sql : SCHEMA) {
      pool.query(sql).execute().await().indefinitely();
    }
    // A fresh key prefix per run: entries of an earlier run must not answer this one.
    var spec =
        new CacheSpec<>(
            "items",
            prefix,
            String.class,
            () ->
                pool.query("SELECT id FROM cache_test_items")
                    .execute()
                    .onItem()
                    .transformToMulti(rows -> io.smallrye.mutiny.Multi.createFrom().iterable(rows))
                    .map(r -> Long.toString(r.getLong(0))));
    a = caches.create(spec);
    b = caches.create(spec);
  }

  /** The loader: one database query, slowed down by {@link #delay} to widen race windows. */
  public Uni<String> load(String id) {
    loaderCalls.incrementAndGet();
    return pool.preparedQuery("SELECT cache_test_lookup($1, $2)")
        .execute(Tuple.of(Long.parseLong(id), delaySeconds))
        .map(rows -> rows.iterator().next().getString(0));
  }

  /** Instance A (a method, not a field: the bean is reached through a client proxy). */
  public MultiLevelCache<String> a() {
    return a;
  }

  /** Instance B: same Redis, its own L1. */
  public MultiLevelCache<String> b() {
    return b;
  }

  /** The Redis key of an id (same layout as CacheSpec's). */
  public String key(String id) {
    return prefix + ":{" + id + "}";
  }

  public void delay(double seconds) {
    this.delaySeconds = seconds;
  }

  public int loaderCalls() {
    return loaderCalls.get();
  }

  /** Database-side count of lookups of these ids since the test began. */
  public long dbQueries(long fromId, long toId) {
    return one(
            "SELECT count(*) FROM cache_test_queries WHERE item_id BETWEEN $1 AND $2", fromId, toId)
        .getLong(0);
  }

  /** Highest number of lookups the database saw running at once, for these ids. */
  public int dbPeakConcurrency(long fromId, long toId) {
    Row row =
        one(
            "SELECT coalesce(max(active), 0) FROM cache_test_queries WHERE item_id BETWEEN $1 AND $2",
            fromId,
            toId);
    return row.getInteger(0);
  }

  public void rename(long id, String name) {
    pool.preparedQuery("UPDATE cache_test_items SET name = $2 WHERE id = $1")
        .execute(Tuple.of(id, name))
        .await()
        .indefinitely();
  }

  public void forget(long fromId, long toId) {
    pool.preparedQuery("DELETE FROM cache_test_queries WHERE item_id BETWEEN $1 AND $2")
        .execute(Tuple.of(fromId, toId))
        .await()
        .indefinitely();
  }

  private Row one(String sql, long fromId, long toId) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(fromId, toId))
        .await()
        .indefinitely()
        .iterator()
        .next();
  }
}
