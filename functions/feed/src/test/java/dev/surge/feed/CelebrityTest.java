package dev.surge.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.surge.model.ids.SurgeIds;
import dev.surge.model.posts.PostView;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tests run with surge.feed.celebrity-threshold=2: a third follower makes a celebrity. */
@io.quarkus.test.junit.QuarkusTest
class CelebrityTest {

  @BeforeAll
  static void consumerCaughtUp() {
    Scenario.consumerCaughtUp();
  }

  @Test
  void aCelebrityIsNotFannedOutYetAppearsInOrder() {
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

    // The fan's timeline exists before the posts: what it holds afterwards came from fan-out.
    Scenario.feed(fan);
    PostView first = Scenario.post(star, "star 1");
    sleep();
    PostView second = Scenario.post(friend, "friend 1");
    sleep();
    PostView third = Scenario.post(star, "star 2");
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertEquals(
                    List.of(third.id(), second.id(), first.id()),
                    Scenario.feed(fan).extract().jsonPath().getList("items.post.id")));
    assertNull(
        FeedSupport.timelineScore(fan, third.id()), "the celebrity's post was not fanned out");
    org.junit.jupiter.api.Assertions.assertNotNull(
        FeedSupport.timelineScore(fan, second.id()), "the ordinary author's post was fanned out");
  }

  private static void sleep() {
    try {
      Thread.sleep(5); // distinct milliseconds: ids and scores order by time
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
