package dev.surge.users.data;

import dev.surge.model.users.UserProfile;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {
  @Id public Long id;

  @Column(nullable = false)
  public String email;

  @Column(nullable = false)
  public String handle;

  @Column(name = "display_name", nullable = false)
  public String displayName;

  @Column(nullable = false)
  public String bio = "";

  @Column(name = "password_hash", nullable = false)
  public String passwordHash;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public UserProfile toProfile() {
    return new UserProfile(Long.toString(id), handle, displayName, bio, createdAt);
  }
}
