package dev.surge.graph.events;

import dev.surge.events.EventHandler;
import dev.surge.events.ReceivedEvent;
import dev.surge.graph.domain.GraphService;
import dev.surge.model.events.EventTypes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sign-ups tell graph which user ids exist, so follows of ids nobody owns stay hidden. Profile
 * updates are skipped: a user is known from the sign-up on, whatever their profile says.
 */
@ApplicationScoped
public class UserEvents implements EventHandler {
  private final GraphService service;

  public UserEvents(GraphService service) {
    this.service = service;
  }

  @Override
  public boolean accepts(String type) {
    return EventTypes.USER_SIGNED_UP.equals(type);
  }

  @Override
  public Uni<Void> handle(ReceivedEvent event) {
    // Idempotent by nature (insert on conflict do nothing, counters moved only by a new row), so
    // the event id need not be claimed in processed_events.
    return service.signedUp(event.id("userId"), event.time());
  }
}
