package dev.surge.users.domain;

import dev.surge.cache.Level;
import dev.surge.data.ConsistencyToken;
import dev.surge.data.ShardRouter.Written;
import dev.surge.events.outbox.EventOutbox;
import dev.surge.events.outbox.OutboxRelay;
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
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
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

  /** A profile and the level that answered (reported to clients as X-Cache, X-Cache-Level). */
  public record ProfileRead(UserProfile profile, Level level) {}

  /**
   * Sign-up across shards: the email's and the handle's lookup rows are claimed first (pending;
   * their primary keys make a taken email or handle a 409 before any bcrypt work), then the user
   * row and its event commit on the user's own shard, then the lookups become active. The result
   * carries the consistency token of the user row's commit.
   */
  public Uni<Written<UserProfile>> signUp(
      String email, String handle, String displayName, String password) {
    String normalizedEmail = email.toLowerCase(Locale.ROOT);
    return Uni.createFrom()
        .deferred(() -> register(normalizedEmail, handle, displayName, password))
        // A fresh id on the one-in-millions chance two processes drew the same one.
        .onFailure(e -> UniqueViolation.of(e, "users_pkey"))
        .retry()
        .atMost(2)
        // The unique email/handle index of the user's own shard: only if a lookup was lost.
        .onFailure(e -> UniqueViolation.constraintOf(e).isPresent())
        .transform(e -> ProblemException.conflict("The email or handle is already taken"))
        .invoke(written -> LOG.infof("User %d signed up", written.value().id))
        // Into the Bloom filter, or the first reads of the new id would be rejected as impossible.
        .call(written -> cache.created(written.value().id))
        .invoke(relay::nudge)
        .map(written -> new Written<>(written.value().toProfile(), written.token()));
  }

  private Uni<Written<User>> register(
      String email, String handle, String displayName, String password) {
    User user = new User();
    user.id = SurgeIds.next();
    user.email = email;
    user.handle = handle;
    user.displayName = displayName;
    return users
        .reserveEmail(email, user.id, handle)
        .onFailure(e -> UniqueViolation.of(e, UserRepository.EMAIL_TAKEN))
        .transform(e -> ProblemException.conflict("An account with this email already exists"))
        .chain(
            () ->
                users
                    .reserveHandle(handle, user.id)
                    .onFailure(e -> UniqueViolation.of(e, UserRepository.HANDLE_TAKEN))
                    .transform(e -> ProblemException.conflict("This handle is already taken")))
        .chain(() -> hasher.hash(password))
        .chain(
            hash -> {
              user.passwordHash = hash;
              user.createdAt = Instant.now();
              user.updatedAt = user.createdAt;
              var event = new UserSignedUp(user.id.toString(), handle, displayName, user.createdAt);
              return users.insert(
                  user,
                  tx ->
                      outbox.append(
                          tx,
                          user.id,
                          EventTypes.USERS_TOPIC,
                          EventTypes.USER_SIGNED_UP,
                          user.id.toString(),
                          event));
            })
        // Whatever failed, our pending claims go (LookupRepair removes them if this cannot).
        .onFailure()
        .call(e -> users.release(email, handle, user.id).onFailure().recoverWithNull())
        .call(
            written ->
                users
                    .activate(email, handle, user.id, user.passwordHash)
                    .onFailure()
                    .recoverWithUni(
                        e -> {
                          // Committed already: LookupRepair activates the lookups shortly.
                          LOG.warnf("Lookups of user %d left pending: %s", user.id, e.toString());
                          return Uni.createFrom().voidItem();
                        }));
  }

  /** Same 401 for an unknown email and a wrong password, after the same bcrypt work. */
  public Uni<TokenIssuer.Issued> logIn(String email, String password) {
    return users
        .findLogin(email)
        .chain(
            user ->
                hasher
                    .verify(password, user == null ? null : user.passwordHash())
                    .map(
                        ok -> {
                          if (!ok) {
                            throw ProblemException.unauthenticated(
                                "The email or password is wrong");
                          }
                          return tokens.issue(user.userId(), user.handle());
                        }));
  }

  /**
   * A public profile. Without a token it goes through the multi-level cache (L1, Redis, then one
   * database load per id across instances, on a replica). With a token the caller has just written:
   * it reads the database directly, on a replica only if that replica has replayed the write, so
   * the caller never sees a value older than its own write, whatever any cache level holds.
   */
  public Uni<ProfileRead> profile(long userId, ConsistencyToken token) {
    if (token != null) {
      return loadProfile(userId, token)
          .map(profile -> new ProfileRead(requireFound(profile, userId), Level.LOADER));
    }
    return cache
        .get(userId, id -> loadProfile(userId, null))
        .map(read -> new ProfileRead(requireFound(read.value(), userId), read.level()));
  }

  private Uni<UserProfile> loadProfile(long userId, ConsistencyToken token) {
    return users.findById(userId, token).map(user -> user == null ? null : user.toProfile());
  }

  /**
   * Applies the non-null fields, announces the change, then drops the cached copy. The result
   * carries the write's consistency token.
   */
  public Uni<Written<UserProfile>> updateProfile(long userId, String displayName, String bio) {
    return users
        .update(userId, (tx, user) -> apply(tx, user, displayName, bio))
        .call(() -> cache.invalidate(userId))
        .invoke(relay::nudge)
        .map(written -> new Written<>(written.value().toProfile(), written.token()));
  }

  private Uni<Void> apply(SqlConnection tx, User user, String displayName, String bio) {
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
        tx,
        user.id,
        EventTypes.USERS_TOPIC,
        EventTypes.USER_PROFILE_UPDATED,
        user.id.toString(),
        event);
  }

  private static <T> T requireFound(T user, long userId) {
    if (user == null) {
      throw ProblemException.notFound("No user with id " + userId);
    }
    return user;
  }
}
