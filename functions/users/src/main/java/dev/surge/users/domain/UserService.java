package dev.surge.users.domain;

import dev.surge.model.events.EventTypes;
import dev.surge.model.events.UserProfileUpdated;
import dev.surge.model.events.UserSignedUp;
import dev.surge.model.ids.SurgeIds;
import dev.surge.model.problem.ProblemException;
import dev.surge.model.users.UserProfile;
import dev.surge.users.data.ProfileCache;
import dev.surge.users.data.UniqueViolation;
import dev.surge.users.data.User;
import dev.surge.users.data.UserRepository;
import dev.surge.users.events.EventOutbox;
import dev.surge.users.events.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import org.jboss.logging.Logger;

/** Accounts: sign-up, login, public profile reads and profile edits. */
@ApplicationScoped
public class UserService {
  private static final Logger LOG = Logger.getLogger(UserService.class);

  private final UserRepository users;
  private final ProfileCache cache;
  private final PasswordHasher hasher;
  private final TokenIssuer tokens;
  private final EventOutbox outbox;
  private final OutboxRelay relay;

  public UserService(
      UserRepository users,
      ProfileCache cache,
      PasswordHasher hasher,
      TokenIssuer tokens,
      EventOutbox outbox,
      OutboxRelay relay) {
    this.users = users;
    this.cache = cache;
    this.hasher = hasher;
    this.tokens = tokens;
    this.outbox = outbox;
    this.relay = relay;
  }

  /** A profile and whether it came from the cache (reported to clients as X-Cache). */
  public record ProfileRead(UserProfile profile, boolean cacheHit) {}

  public Uni<UserProfile> signUp(String email, String handle, String displayName, String password) {
    String normalizedEmail = email.toLowerCase(Locale.ROOT);
    return Panache.withSession(() -> users.findByEmailOrHandle(normalizedEmail, handle))
        .invoke(existing -> rejectDuplicate(existing, normalizedEmail))
        .chain(() -> hasher.hash(password))
        .chain(
            hash ->
                Panache.withTransaction(() -> insert(normalizedEmail, handle, displayName, hash))
                    // A fresh id on the one-in-millions chance two processes drew the same one.
                    .onFailure(e -> UniqueViolation.of(e, "users_pkey"))
                    .retry()
                    .atMost(2))
        // Lost a race with a concurrent sign-up for the same email or handle.
        .onFailure(e -> UniqueViolation.constraintOf(e).isPresent())
        .transform(e -> ProblemException.conflict("The email or handle is already taken"))
        .invoke(user -> LOG.infof("User %d signed up", user.id))
        .invoke(relay::nudge)
        .map(User::toProfile);
  }

  private static void rejectDuplicate(User existing, String email) {
    if (existing == null) {
      return;
    }
    throw ProblemException.conflict(
        existing.email.equals(email)
            ? "An account with this email already exists"
            : "This handle is already taken");
  }

  private Uni<User> insert(String email, String handle, String displayName, String hash) {
    User user = new User();
    user.id = SurgeIds.next();
    user.email = email;
    user.handle = handle;
    user.displayName = displayName;
    user.passwordHash = hash;
    user.createdAt = Instant.now();
    user.updatedAt = user.createdAt;
    var event = new UserSignedUp(user.id.toString(), handle, displayName, user.createdAt);
    return users
        .persist(user)
        .call(
            () ->
                outbox.append(
                    EventTypes.USERS_TOPIC, EventTypes.USER_SIGNED_UP, user.id.toString(), event));
  }

  /** Same 401 for an unknown email and a wrong password, after the same bcrypt work. */
  public Uni<TokenIssuer.Issued> logIn(String email, String password) {
    return Panache.withSession(() -> users.findByEmail(email))
        .chain(
            user ->
                hasher
                    .verify(password, user == null ? null : user.passwordHash)
                    .map(
                        ok -> {
                          if (!ok) {
                            throw ProblemException.unauthenticated(
                                "The email or password is wrong");
                          }
                          return tokens.issue(user.id, user.handle);
                        }));
  }

  /** Cache-aside read: Redis first, then the database, which refills Redis. */
  public Uni<ProfileRead> profile(long userId) {
    return cache
        .get(userId)
        .chain(
            cached ->
                cached != null
                    ? Uni.createFrom().item(new ProfileRead(cached, true))
                    : Panache.withSession(() -> users.findById(userId))
                        .map(user -> requireFound(user, userId).toProfile())
                        .call(cache::put)
                        .map(profile -> new ProfileRead(profile, false)));
  }

  /** Applies the non-null fields, announces the change, then drops the cached copy. */
  public Uni<UserProfile> updateProfile(long userId, String displayName, String bio) {
    return Panache.withTransaction(
            () ->
                users
                    .findById(userId)
                    .map(user -> requireFound(user, userId))
                    .call(user -> apply(user, displayName, bio)))
        .call(() -> cache.invalidate(userId))
        .invoke(relay::nudge)
        .map(User::toProfile);
  }

  private Uni<Void> apply(User user, String displayName, String bio) {
    if (displayName != null) {
      user.displayName = displayName;
    }
    if (bio != null) {
      user.bio = bio;
    }
    user.updatedAt = Instant.now();
    var event =
        new UserProfileUpdated(user.id.toString(), user.displayName, user.bio, user.updatedAt);
    return outbox.append(
        EventTypes.USERS_TOPIC, EventTypes.USER_PROFILE_UPDATED, user.id.toString(), event);
  }

  private static User requireFound(User user, long userId) {
    if (user == null) {
      throw ProblemException.notFound("No user with id " + userId);
    }
    return user;
  }
}
