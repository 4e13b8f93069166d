package dev.surge.events.outbox;

import dev.surge.data.ShardRouter;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The relay's side of the outbox, in plain SQL: claiming is one UPDATE with SKIP LOCKED. Each
 * physical instance has its own outbox (events commit with the change, on the change's shard), so
 * every call names the instance; an instance that is down fails only its own calls.
 */
@ApplicationScoped
@IfBuildProperty(name = "surge.events.produce", stringValue = "true")
public class OutboxStore {
  /** A claimed event, ready to publish. */
  public record Pending(
      UUID id, String topic, String key, String payload, String traceparent, Instant createdAt) {}

  private static final String CLAIM =
      """
      update outbox_events set claimed_until = now() + make_interval(secs => $2)
       where id in (select id from outbox_events
                     where published_at is null and topic = any($3)
                       and (claimed_until is null or claimed_until < now())
                     order by created_at limit $1 for update skip locked)
      returning id, topic, event_key, payload, traceparent, created_at
      """;

  private final ShardRouter router;
  private final String[] topics;

  public OutboxStore(ShardRouter router, OutboxConfig config) {
    this.router = router;
    this.topics =
        config
            .topics()
            .orElseThrow(() -> new IllegalStateException("surge.outbox.topics is not set"))
            .toArray(String[]::new);
  }

  /** The physical instances, each holding an outbox. */
  public java.util.Set<String> instances() {
    return router.instances();
  }

  /**
   * Leases up to {@code limit} unpublished events of this function's topics for {@code lease}.
   * Concurrent relays get disjoint batches; a relay that dies leaves its lease to expire and
   * another one retries.
   */
  public Uni<List<Pending>> claim(String instance, int limit, Duration lease) {
    return router.onInstance(
        instance,
        pool ->
            pool.preparedQuery(CLAIM)
                .execute(Tuple.of(limit, (double) lease.toSeconds(), topics))
                .map(
                    rows -> {
                      List<Pending> claimed = new ArrayList<>();
                      for (Row row : rows) {
                        claimed.add(
                            new Pending(
                                row.getUUID("id"),
                                row.getString("topic"),
                                row.getString("event_key"),
                                row.getString("payload"),
                                row.getString("traceparent"),
                                row.getOffsetDateTime("created_at").toInstant()));
                      }
                      claimed.sort(Comparator.comparing(Pending::createdAt));
                      return claimed;
                    }));
  }

  public Uni<Void> markPublished(String instance, List<UUID> ids) {
    return router.onInstance(
        instance,
        pool ->
            pool.preparedQuery(
                    "update outbox_events set published_at = now(), claimed_until = null"
                        + " where id = any($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .replaceWithVoid());
  }

  /** Unpublished rows of this function's topics and the age of the oldest, on one instance. */
  public record Backlog(long rows, double oldestSeconds) {}

  public Uni<Backlog> backlog(String instance) {
    return router.onInstance(
        instance,
        pool ->
            pool.preparedQuery(
                    "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)"
                        + " from outbox_events where published_at is null and topic = any($1)")
                .execute(Tuple.of((Object) topics))
                .map(
                    rows -> {
                      Row row = rows.iterator().next();
                      return new Backlog(row.getLong(0), row.getNumeric(1).doubleValue());
                    }));
  }

  /** Published rows are kept for {@code retention} as an audit trail, then removed. */
  public Uni<Integer> deletePublishedBefore(String instance, Instant cutoff) {
    return router.onInstance(
        instance,
        pool ->
            pool.preparedQuery("delete from outbox_events where published_at < $1")
                .execute(Tuple.of(cutoff.atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> rows.rowCount()));
  }
}
