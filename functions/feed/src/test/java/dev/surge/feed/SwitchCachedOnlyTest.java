package dev.surge.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.ids.SurgeIds;
import dev.surge.model.posts.PostView;
import dev.surge.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feed-cached-only kill switch: the fanned-out timeline alone, without the celebrity merge,
 * within 2 s of the flip; the merge is back within 2 s of the flip back. Threshold 2 as in
 * CelebrityTest.
 */
@io.quarkus.test.junit.QuarkusTest
class SwitchCachedOnlyTest {

  @BeforeAll
  static void consumerCaughtUp() {
    Scenario.consumerCaughtUp();
  }

  static void flip(boolean on) {
    given()
        .auth()
        .oauth2(Tokens.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("on", on))
        .put("/admin/switches/feed-cached-only")
        .then()
        .statusCode(200);
  }

  static List<String> ids(long user) {
    return Scenario.feed(user).extract().jsonPath().getList("items.post.id");
  }

  @AfterEach
  void off() {
    flip(false);
  }

  @Test
  void theSwitchDropsTheCelebrityMergeAndTheFlipBackRestoresIt() {
    long star = SurgeIds.next();
    long friend = SurgeIds.next();
    long fan = SurgeIds.next();
    for (int i = 0; i < 2; i++) {
      Scenario.follow(SurgeIds.next(), star);
    }
    Scenario.follow(fan, star);
    Scenario.follow(fan, friend);
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Scenario.followers(star) == 3 && Scenario.followers(friend) == 1);
    Scenario.feed(fan);
    PostView celebrity = Scenario.post(star, "star");
    PostView ordinary = Scenario.post(friend, "friend");
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertEquals(List.of(ordinary.id(), celebrity.id()), ids(fan)));

    flip(true);
    Awaitility.await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertEquals(List.of(ordinary.id()), ids(fan)));
    flip(false);
    Awaitility.await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertEquals(List.of(ordinary.id(), celebrity.id()), ids(fan)));
  }
}
