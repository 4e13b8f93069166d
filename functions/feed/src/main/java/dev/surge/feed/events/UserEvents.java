package dev.surge.feed.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.events.EventHandler;
import dev.surge.events.ReceivedEvent;
import dev.surge.feed.api.AuthorView;
import dev.surge.feed.data.Cards;
import dev.surge.feed.data.FeedStore;
import dev.surge.model.events.EventTypes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Sign-ups and profile edits keep the author cards feed items show. */
@ApplicationScoped
public class UserEvents implements EventHandler {
  private final FeedStore store;
  private final Cards cards;
  private final ObjectMapper json;

  public UserEvents(FeedStore store, Cards cards, ObjectMapper json) {
    this.store = store;
    this.cards = cards;
    this.json = json;
  }

  @Override
  public boolean accepts(String type) {
    return EventTypes.USER_SIGNED_UP.equals(type) || EventTypes.USER_PROFILE_UPDATED.equals(type);
  }

  @Override
  public Uni<Void> handle(ReceivedEvent event) {
    long id = event.id("userId");
    JsonNode data = event.data();
    String handle = data.hasNonNull("handle") ? data.get("handle").asText() : null;
    String name = data.path("displayName").asText(null);
    // A profile edit carries no handle: keep the one from the sign-up.
    return store
        .once(
            id,
            event.id(),
            tx ->
                FeedStore.exec(
                    tx,
                    "insert into feed_authors (id, handle, name) values ($1, $2, $3)"
                        + " on conflict (id) do update set handle = coalesce($2, feed_authors.handle),"
                        + " name = coalesce($3, feed_authors.name)",
                    id,
                    handle,
                    name))
        .chain(() -> store.author(id))
        .chain(
            card -> card == null ? Uni.createFrom().voidItem() : cards.putAuthor(id, write(card)));
  }

  private String write(AuthorView card) {
    try {
      return json.writeValueAsString(card);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
