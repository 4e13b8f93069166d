package dev.surge.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surge.model.events.EventTypes;
import dev.surge.model.events.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one topics file answers every question the producers, consumers and relays ask of it. */
class TopicsTest {

  @Test
  void anEventTypeGoesToItsFamilysTopic() {
    assertEquals("surge.posts.events", Topics.ofType(EventTypes.POST_CREATED));
    assertEquals("surge.users.events", EventTypes.USERS_TOPIC);
    assertThrows(IllegalArgumentException.class, () -> Topics.ofType("surge.nobody.x.v1"));
  }

  @Test
  void subscriptionsAndRelaysFollowTheFile() {
    assertEquals(
        List.of("surge.graph.events", "surge.posts.events", "surge.users.events"),
        Topics.consumedBy("feed"));
    assertEquals(List.of("surge.graph.events"), Topics.producedBy("graph"));
    assertEquals(List.of(), Topics.consumedBy("users"));
    assertEquals(
        "surge.posts.events.feed.dlt", Topics.deadLetterTopic("surge.posts.events", "feed"));
  }
}
