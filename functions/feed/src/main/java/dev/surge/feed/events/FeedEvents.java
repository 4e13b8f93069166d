package dev.surge.feed.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.events.EventHandler;
import dev.surge.events.PoisonEvent;
import dev.surge.events.ReceivedEvent;
import dev.surge.feed.domain.FeedProjection;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.Followed;
import dev.surge.model.events.PostCreated;
import dev.surge.model.events.PostDeleted;
import dev.surge.model.posts.PostView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Function;

/** Graph, posts and users events: each is read into ids and handed to the feed's projection. */
@ApplicationScoped
public class FeedEvents implements EventHandler {
  private final FeedProjection projection;
  private final ObjectMapper json;
  private final Map<String, Function<ReceivedEvent, Uni<Void>>> byType;

  public FeedEvents(FeedProjection projection, ObjectMapper json) {
    this.projection = projection;
    this.json = json;
    this.byType =
        Map.of(
            EventTypes.GRAPH_FOLLOWED, event -> followChanged(event, true),
            EventTypes.GRAPH_UNFOLLOWED, event -> followChanged(event, false),
            EventTypes.POST_CREATED, this::posted,
            EventTypes.POST_DELETED, this::deleted,
            EventTypes.USER_SIGNED_UP, this::authorChanged,
            EventTypes.USER_PROFILE_UPDATED, this::authorChanged);
  }

  @Override
  public boolean accepts(String type) {
    return byType.containsKey(type);
  }

  @Override
  public Uni<Void> handle(ReceivedEvent event) {
    return byType.get(event.type()).apply(event);
  }

  private Uni<Void> followChanged(ReceivedEvent event, boolean follow) {
    // Followed and Unfollowed have the same shape.
    Followed edge = event.dataAs(json, Followed.class);
    return projection.followChanged(
        event.id(),
        ReceivedEvent.parseId("followerId", edge.followerId()),
        ReceivedEvent.parseId("targetId", edge.targetId()),
        edge.at(),
        follow);
  }

  private Uni<Void> posted(ReceivedEvent event) {
    PostView post = event.dataAs(json, PostCreated.class).post();
    if (post == null) {
      throw new PoisonEvent("post is required");
    }
    return projection.posted(
        event.id(),
        ReceivedEvent.parseId("id", post.id()),
        ReceivedEvent.parseId("authorId", post.authorId()),
        post);
  }

  private Uni<Void> deleted(ReceivedEvent event) {
    PostDeleted gone = event.dataAs(json, PostDeleted.class);
    return projection.deleted(
        event.id(),
        ReceivedEvent.parseId("postId", gone.postId()),
        ReceivedEvent.parseId("authorId", gone.authorId()));
  }

  /** Sign-ups and profile edits; an edit carries no handle, so null keeps the sign-up's. */
  private Uni<Void> authorChanged(ReceivedEvent event) {
    long id = event.id("userId");
    JsonNode data = event.data();
    String handle = data.hasNonNull("handle") ? data.get("handle").asText() : null;
    return projection.authorChanged(event.id(), id, handle, data.path("displayName").asText(null));
  }
}
