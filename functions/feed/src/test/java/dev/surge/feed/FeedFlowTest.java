package dev.surge.feed;

import static dev.surge.feed.Scenario.feed;
import static dev.surge.feed.Scenario.follow;
import static dev.surge.feed.Scenario.followers;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.surge.model.ids.SurgeIds;
import dev.surge.model.posts.PostView;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign up, follow, post: the follower's feed, fed only by events on the real Kafka. */
@QuarkusTest
class FeedFlowTest {

  @BeforeAll
  static void consumerCaughtUp() {
    Scenario.consumerCaughtUp();
  }

  @Test
  void aFollowersFeedShowsThePostWithinASecondAndDropsItWhenDeleted() {
    long alice = SurgeIds.next();
    long bob = SurgeIds.next();
    String handle = "alice" + alice % 100000;
    Scenario.signUp(alice, handle);
    follow(bob, alice);
    // The follow and the post travel on different topics: let the follow land first.
    Awaitility.await("follow applied")
        .atMost(Duration.ofSeconds(10))
        .until(() -> followers(alice) == 1);

    PostView post = Scenario.post(alice, "hello bob");
    Awaitility.await("post in bob's feed within 1 s")
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                feed(bob)
                    .body("items[0].post.id", equalTo(post.id()))
                    .body("items[0].post.text", equalTo("hello bob"))
                    .body("items[0].author.handle", equalTo(handle)));

    Scenario.delete(post);
    Awaitility.await("deleted post gone")
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> feed(bob).body("items.post.id", not(hasItem(post.id()))));
  }

  @Test
  void unfollowRemovesTheAuthorsPostsAndAMissingTimelineIsRebuilt() {
    long carol = SurgeIds.next();
    long dave = SurgeIds.next();
    follow(dave, carol);
    Awaitility.await("follow applied")
        .atMost(Duration.ofSeconds(10))
        .until(() -> followers(carol) == 1);
    PostView post = Scenario.post(carol, "before unfollow");
    Awaitility.await("post in dave's feed")
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> feed(dave).body("items[0].post.id", equalTo(post.id())));

    // Redis loses the timeline: the next read rebuilds it from the feed's database copies.
    FeedSupport.dropTimeline(dave);
    feed(dave).body("items[0].post.id", equalTo(post.id()));

    Scenario.unfollow(dave, carol);
    Awaitility.await("unfollow applied")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> feed(dave).body("items", equalTo(List.of())));
  }
}
