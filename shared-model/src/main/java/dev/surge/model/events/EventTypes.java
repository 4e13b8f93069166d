package dev.surge.model.events;

/** Every CloudEvent type and topic Surge publishes, named {@code surge.<family>.<event>.v1}. */
public final class EventTypes {
  /** Topic of the users family; the record key is the user id so one user's events stay ordered. */
  public static final String USERS_TOPIC = "surge.users.events";

  public static final String USER_SIGNED_UP = "surge.users.signed-up.v1";
  public static final String USER_PROFILE_UPDATED = "surge.users.profile-updated.v1";

  private EventTypes() {}
}
