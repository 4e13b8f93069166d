package dev.surge.users.data;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, Long> {

  public Uni<User> findByEmail(String email) {
    return find("email", email.toLowerCase(Locale.ROOT)).firstResult();
  }

  /** The first existing user holding this email or handle (case-insensitive), or null. */
  public Uni<User> findByEmailOrHandle(String email, String handle) {
    return find(
            "email = ?1 or lower(handle) = ?2",
            email.toLowerCase(Locale.ROOT),
            handle.toLowerCase(Locale.ROOT))
        .firstResult();
  }
}
