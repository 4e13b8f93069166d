package dev.surge.events;

import io.smallrye.mutiny.Uni;

/**
 * One consumer's logic for the event types it cares about. Every function that consumes events
 * declares its handlers as CDI beans; the dispatcher feeds them from HTTP or Kafka alike.
 *
 * <p>Delivery is at least once, so {@link #handle} must be idempotent: claim the event id with
 * {@link ProcessedEvents#firstTime} in the same transaction as the effect, or make the effect
 * idempotent by nature (a set add keyed by id). Fail with {@link PoisonEvent} when the event can
 * never succeed: it goes to the dead-letter topic at once. Any other failure is retried with
 * backoff, then dead-lettered.
 */
public interface EventHandler {

  /** True for the CloudEvent types this handler applies; other types are acknowledged, skipped. */
  boolean accepts(String type);

  /** Applies the event; completes only when the effect is stored. */
  Uni<Void> handle(ReceivedEvent event);
}
