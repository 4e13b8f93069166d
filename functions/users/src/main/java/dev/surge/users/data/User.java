package dev.surge.users.data;

import dev.surge.model.users.UserProfile;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/**
 * One row of {@code users}, on the logical shard embedded in its id. A plain record-like class: the
 * table is read and written with SQL on the shard's pool (shared-data/README.md says why not
 * Hibernate Reactive).
 */
public class User {
  static final String COLUMNS =
      "id, email, handle, display_name, bio, password_hash, created_at, updated_at";

  public Long id;
  public String email;
  public String handle;
  public String displayName;
  public String bio = "";
  public String passwordHash;
  public Instant createdAt;
  public Instant updatedAt;

  static User from(Row row) {
    User user = new User();
    user.id = row.getLong("id");
    user.email = row.getString("email");
    user.handle = row.getString("handle");
    user.displayName = row.getString("display_name");
    user.bio = row.getString("bio");
    user.passwordHash = row.getString("password_hash");
    user.createdAt = row.getOffsetDateTime("created_at").toInstant();
    user.updatedAt = row.getOffsetDateTime("updated_at").toInstant();
    return user;
  }

  public UserProfile toProfile() {
    return new UserProfile(Long.toString(id), handle, displayName, bio, createdAt);
  }
}
