package dev.surge.model.events;

/**
 * Every CloudEvent type and topic Surge publishes, named {@code surge.<family>.<event>.v1}. One
 * topic per producing family; the record key is the aggregate's owner (user id, author id, follower
 * id) so one owner's events stay ordered on one partition.
 */
public final class EventTypes {
  /** Topic of the users family; key: the user id. */
  public static final String USERS_TOPIC = "surge.users.events";

  /** Topic of the graph family; key: the follower's id. */
  public static final String GRAPH_TOPIC = "surge.graph.events";

  /** Topic of the posts family; key: the author's id. */
  public static final String POSTS_TOPIC = "surge.posts.events";

  public static final String USER_SIGNED_UP = "surge.users.signed-up.v1";
  public static final String USER_PROFILE_UPDATED = "surge.users.profile-updated.v1";

  public static final String GRAPH_FOLLOWED = "surge.graph.followed.v1";
  public static final String GRAPH_UNFOLLOWED = "surge.graph.unfollowed.v1";

  public static final String POST_CREATED = "surge.posts.created.v1";
  public static final String POST_DELETED = "surge.posts.deleted.v1";

  private EventTypes() {}
}
