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
    // The backlog gauges the outbox alerts read see the held row (read every second in %test).
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              String metrics = given().get("/q/metrics").asString();
              return gauge(metrics, "surge_outbox_backlog") >= 1
                  && gauge(metrics, "surge_outbox_oldest_age_seconds") > 0;
            });
    SwitchTest.flip("outbox-paused", false);
    // Published within a switch refresh and a poll (about 2 s); 10 s leaves room for a loaded CI.
    await().atMost(Duration.ofSeconds(10)).until(() -> unsent(id) == 0);
  }

  /** The largest value of a gauge over its instances, or -1 when it is absent. */
  static double gauge(String metrics, String name) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .max()
        .orElse(-1);
  }
}
