package dev.surge.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/**
 * Hands an event to every handler that accepts its type, one after the other, whichever path
 * delivered it. Counts outcomes as {@code surge.events.handled{type,outcome}}.
 */
@ApplicationScoped
public class EventDispatcher {
  private final List<EventHandler> handlers;
  private final MeterRegistry metrics;

  public EventDispatcher(Instance<EventHandler> handlers, MeterRegistry metrics) {
    this.handlers = handlers.stream().toList();
    this.metrics = metrics;
  }

  /** Completes when every accepting handler stored its effect; fails with the first failure. */
  public Uni<Void> dispatch(ReceivedEvent event) {
    List<EventHandler> accepting = handlers.stream().filter(h -> h.accepts(event.type())).toList();
    if (accepting.isEmpty()) {
      count(event.type(), "skipped");
      return Uni.createFrom().voidItem();
    }
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (EventHandler handler : accepting) {
      chain = chain.chain(() -> handler.handle(event));
    }
    return chain.invoke(() -> count(event.type(), "applied"));
  }

  public void count(String type, String outcome) {
    metrics.counter("surge.events.handled", "type", type, "outcome", outcome).increment();
  }
}
