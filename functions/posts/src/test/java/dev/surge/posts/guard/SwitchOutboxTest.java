package dev.surge.posts.guard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.LocalShards;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox-paused kill switch: a post's event stays in the outbox, unsent, while it is on, and is
 * published once it is off. Kept short: the switch pauses every function's relay on this Redis.
 */
@QuarkusTest
class SwitchOutboxTest {

  static long unsent(String postId) {
    return LocalShards.scalar(
        5432,
        "select count(*) from outbox_events where published_at is null and payload like '%"
            + postId
            + "%'");
  }

  @AfterEach
  void off() {
    SwitchTest.flip("outbox-paused", false);
  }

  @Test
  void aPausedRelayKeepsTheRowAndPublishesItWhenResumed() throws InterruptedException {
    SwitchTest.flip("outbox-paused", true);
    String id =
        given()
            .auth()
            .oauth2(Tokens.forUser(SurgeIds.next()))
            .contentType(ContentType.JSON)
            .body(Map.of("text", "held back"))
            .post("/posts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // The nudge after the commit and at least one poll (every 1 s) pass by without publishing.
    Thread.sleep(1_500);
    assertEquals(1, unsent(id));
    SwitchTest.flip("outbox-paused", false);
    await().atMost(Duration.ofSeconds(3)).until(() -> unsent(id) == 0);
  }
}
