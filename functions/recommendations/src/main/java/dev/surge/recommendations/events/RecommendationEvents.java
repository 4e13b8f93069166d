package dev.surge.recommendations.events;

import dev.surge.events.EventHandler;
import dev.surge.events.ReceivedEvent;
import dev.surge.model.events.EventTypes;
import dev.surge.recommendations.domain.RecommendationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Sign-ups get the welcome list; follows and unfollows update the follower's list. */
@ApplicationScoped
public class RecommendationEvents implements EventHandler {
  private final RecommendationService service;

  public RecommendationEvents(RecommendationService service) {
    this.service = service;
  }

  @Override
  public boolean accepts(String type) {
    return EventTypes.USER_SIGNED_UP.equals(type)
        || EventTypes.GRAPH_FOLLOWED.equals(type)
        || EventTypes.GRAPH_UNFOLLOWED.equals(type);
  }

  @Override
  public Uni<Void> handle(ReceivedEvent event) {
    if (EventTypes.USER_SIGNED_UP.equals(event.type())) {
      return service.welcome(event.id("userId"));
    }
    return service.followChanged(
        event.id(),
        event.id("followerId"),
        event.id("targetId"),
        EventTypes.GRAPH_FOLLOWED.equals(event.type()));
  }
}
