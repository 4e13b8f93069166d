package dev.surge.posts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.events.EventTypes;
import dev.surge.model.ids.SurgeIds;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimelineTest {

  @Test
  void timelinePagesNewestFirstAndSurvivesArchiving() {
    long author = SurgeIds.next();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(PostsTest.compose(author, "post " + i));
    }
    given()
        .auth()
        .oauth2(dev.surge.testing.Tokens.admin())
        .post("/admin/posts/archive?olderThan=PT0S")
        .then()
        .statusCode(200)
        .body("moved", org.hamcrest.Matchers.greaterThanOrEqualTo(5));

    List<String> seen = new ArrayList<>();
    String next = null;
    do {
      var page =
          given()
              .queryParam("limit", 2)
              .queryParam("cursor", next == null ? new Object[0] : new Object[] {next})
              .get("/users/{id}/posts", author)
              .then()
              .statusCode(200)
              .extract();
      seen.addAll(page.jsonPath().getList("items.id"));
      next = page.path("next");
    } while (next != null);
    assertEquals(ids.reversed(), seen);
    given()
        .get("/posts/{id}", ids.getFirst())
        .then()
        .statusCode(200)
        .body("text", equalTo("post 0"));
    given()
        .auth()
        .oauth2(dev.surge.testing.Tokens.admin())
        .post("/admin/posts/archive?olderThan=yesterday")
        .then()
        .statusCode(400);
  }

  @Test
  void createdAndDeletedAreAnnouncedWithTheAuthorAsKey() {
    long author = SurgeIds.next();
    String id = PostsTest.compose(author, "announced");
    given()
        .auth()
        .oauth2(dev.surge.testing.Tokens.forUser(author))
        .delete("/posts/{id}", id)
        .then()
        .statusCode(204);
    try (var kafka = new KafkaCompanion("127.0.0.1:9092")) {
      var mine =
          kafka
              .consumeStrings()
              .fromTopics(EventTypes.POSTS_TOPIC, Duration.ofSeconds(4))
              .awaitCompletion()
              .getRecords()
              .stream()
              .filter(r -> Long.toString(author).equals(r.key()))
              .toList();
      assertEquals(2, mine.size());
      assertTrue(mine.get(0).value().contains(EventTypes.POST_CREATED));
      assertTrue(mine.get(1).value().contains(EventTypes.POST_DELETED));
    }
  }
}
