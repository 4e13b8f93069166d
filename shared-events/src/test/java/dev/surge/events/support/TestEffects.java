package dev.surge.events.support;

import dev.surge.data.ShardRouter;
import dev.surge.events.EventHandler;
import dev.surge.events.PoisonEvent;
import dev.surge.events.ProcessedEvents;
import dev.surge.events.ReceivedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test consumer: type {@value #TYPE}; data {@code {"value": "..."}} inserts a row, {@code
 * "poison"} can never succeed, {@code "fail"} fails every time as if a dependency were down.
 */
@ApplicationScoped
public class TestEffects implements EventHandler {
  public static final String TYPE = "surge.test.applied.v1";

  /** Failed attempts per event id. */
  public static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

  private final ShardRouter router;
  private final ProcessedEvents processed;

  public TestEffects(ShardRouter router, ProcessedEvents processed) {
    this.router = router;
    this.processed = processed;
  }

  @Override
  public boolean accepts(String type) {
    return TYPE.equals(type);
  }

  @Override
  public Uni<Void> handle(ReceivedEvent event) {
    String value = event.data() == null ? null : event.data().path("value").asText(null);
    if ("poison".equals(value)) {
      return Uni.createFrom().failure(new PoisonEvent("value 'poison' can never be applied"));
    }
    if ("fail".equals(value)) {
      FAILURES.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      return Uni.createFrom().failure(new IllegalStateException("dependency down"));
    }
    return router
        .write(
            router.route(0),
            tx ->
                processed
                    .firstTime(tx, event.id())
                    .chain(
                        first ->
                            first
                                ? tx.preparedQuery(
                                        "insert into events_test_effects (event_id, value)"
                                            + " values ($1, $2)")
                                    .execute(Tuple.of(event.id(), value))
                                    .replaceWithVoid()
                                : Uni.createFrom().voidItem()))
        .replaceWithVoid();
  }

  /** Rows the handler wrote for an event id. */
  public Uni<Long> effects(String eventId) {
    return router.onPrimary(
        router.route(0),
        pool ->
            ShardRouter.scalar(
                pool,
                "select count(*) from events_test_effects where event_id = $1",
                Tuple.of(eventId)));
  }

  public Uni<Void> createTable() {
    return router
        .onEveryInstance(
            pool ->
                pool.query(
                        "create table if not exists events_test_effects"
                            + " (event_id text primary key, value text)")
                    .execute())
        .replaceWithVoid();
  }
}
