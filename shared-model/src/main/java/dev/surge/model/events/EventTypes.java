package dev.surge.model.events;

/**
 * Every CloudEvent type Surge publishes, named {@code surge.<family>.<event>.v1}, and the topic of
 * each family as {@code surge/topics.yaml} declares it. One topic per producing family; the record
 * key is the aggregate's owner (user id, author id, follower id) so one owner's events stay ordered
 * on one partition.
 */
public final class EventTypes {
  /** Topic of the users family (named in surge/topics.yaml, see {@link Topics}). */
  public static final String USERS_TOPIC = Topics.ofFamily("users");

  /** Topic of the graph family. */
  public static final String GRAPH_TOPIC = Topics.ofFamily("graph");

  /** Topic of the posts family. */
  public static final String POSTS_TOPIC = Topics.ofFamily("posts");

  /** Topic of the catalog family. */
  public static final String CATALOG_TOPIC = Topics.ofFamily("catalog");

  /** Topic of the orders family. */
  public static final String ORDERS_TOPIC = Topics.ofFamily("orders");

  public static final String USER_SIGNED_UP = "surge.users.signed-up.v1";
  public static final String USER_PROFILE_UPDATED = "surge.users.profile-updated.v1";

  public static final String GRAPH_FOLLOWED = "surge.graph.followed.v1";
  public static final String GRAPH_UNFOLLOWED = "surge.graph.unfollowed.v1";

  public static final String POST_CREATED = "surge.posts.created.v1";
  public static final String POST_DELETED = "surge.posts.deleted.v1";

  public static final String ITEM_CHANGED = "surge.catalog.item-changed.v1";

  public static final String PURCHASE_RESERVED = "surge.orders.purchase-reserved.v1";
  public static final String ORDER_PLACED = "surge.orders.order-placed.v1";
  public static final String ORDER_PAID = "surge.orders.order-paid.v1";
  public static final String ORDER_CANCELLED = "surge.orders.order-cancelled.v1";

  private EventTypes() {}
}
