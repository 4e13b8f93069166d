package dev.surge.feed;

import static io.restassured.RestAssured.given;

import dev.surge.model.events.EventTypes;
import dev.surge.model.events.Followed;
import dev.surge.model.events.PostCreated;
import dev.surge.model.events.PostDeleted;
import dev.surge.model.events.Unfollowed;
import dev.surge.model.events.UserSignedUp;
import dev.surge.model.ids.SurgeIds;
import dev.surge.model.posts.PostView;
import dev.surge.testing.Consumers;
import dev.surge.testing.Publish;
import dev.surge.testing.Tokens;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the users, graph and posts functions would publish, as real CloudEvents on the real topics
 * (shared-testing's Publish), and the caller's view of the feed.
 */
final class Scenario {
  static final Publish PUBLISH = new Publish();

  private Scenario() {}

  static void signUp(long user, String handle) {
    PUBLISH.event(
        EventTypes.USERS_TOPIC,
        EventTypes.USER_SIGNED_UP,
        Long.toString(user),
        new UserSignedUp(Long.toString(user), handle, "Name " + handle, Instant.now()));
  }

  static void follow(long follower, long author) {
    PUBLISH.event(
        EventTypes.GRAPH_TOPIC,
        EventTypes.GRAPH_FOLLOWED,
        Long.toString(follower),
        new Followed(Long.toString(follower), Long.toString(author), Instant.now()));
  }

  static void unfollow(long follower, long author) {
    PUBLISH.event(
        EventTypes.GRAPH_TOPIC,
        EventTypes.GRAPH_UNFOLLOWED,
        Long.toString(follower),
        new Unfollowed(Long.toString(follower), Long.toString(author), Instant.now()));
  }

  static PostView post(long author, String text) {
    long id = SurgeIds.next(SurgeIds.shardOf(author));
    PostView post =
        new PostView(
            Long.toString(id), Long.toString(author), text, List.of(), List.of(), Instant.now());
    PUBLISH.event(
        EventTypes.POSTS_TOPIC, EventTypes.POST_CREATED, post.authorId(), new PostCreated(post));
    return post;
  }

  static void delete(PostView post) {
    PUBLISH.event(
        EventTypes.POSTS_TOPIC,
        EventTypes.POST_DELETED,
        post.authorId(),
        new PostDeleted(post.id(), post.authorId(), Instant.now()));
  }

  /** Call from each test class's {@code @BeforeAll}: see {@link Consumers}. */
  static void consumerCaughtUp() {
    Consumers.awaitCaughtUp(
        "feed",
        Duration.ofMinutes(2),
        EventTypes.USERS_TOPIC,
        EventTypes.GRAPH_TOPIC,
        EventTypes.POSTS_TOPIC);
  }

  static ValidatableResponse feed(long user) {
    return given().auth().oauth2(Tokens.forUser(user)).get("/feed").then().statusCode(200);
  }

  static long followers(long author) {
    return FeedSupport.followers(author);
  }
}
