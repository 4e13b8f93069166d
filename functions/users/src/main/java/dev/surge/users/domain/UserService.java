package dev.surge.users.domain;

import dev.surge.guard.LoginThrottle;
import dev.surge.model.problem.ProblemException;
import dev.surge.model.users.UserProfile;
import dev.surge.users.data.Accounts;
import dev.surge.users.data.Lookups;
import dev.surge.users.data.Lookups.Taken;
import dev.surge.users.data.ProfileCache;
import dev.surge.users.data.UserRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.jboss.logging.Logger;

/** Accounts: sign-up, login, public profile reads and profile edits. */
@ApplicationScoped
public class UserService {
  private static final Logger LOG = Logger.getLogger(UserService.class);

  private final Accounts accounts;
  private final Lookups lookups;
  private final UserRepository users;
  private final ProfileCache profiles;
  private final PasswordHasher hasher;
  private final TokenIssuer tokens;
  private final LoginThrottle throttle;

  public UserService(
      Accounts accounts,
      Lookups lookups,
      UserRepository users,
      ProfileCache profiles,
      PasswordHasher hasher,
      TokenIssuer tokens,
      LoginThrottle throttle) {
    this.accounts = accounts;
    this.lookups = lookups;
    this.users = users;
    this.profiles = profiles;
    this.hasher = hasher;
    this.tokens = tokens;
    this.throttle = throttle;
  }

  /**
   * A written profile and the write's consistency token: opaque text for the client to send back on
   * a read, which then sees this write (read-your-writes across replicas).
   */
  public record Saved(UserProfile profile, String consistencyToken) {}

  /** A profile, whether a cache answered, and which level did (l1, l2, bloom or loader). */
  public record ProfileRead(UserProfile profile, boolean cacheHit, String cacheLevel) {}

  /**
   * Sign-up: 409 if the email or handle is taken, found before any bcrypt work (the hash is only
   * computed once both are claimed). The new id joins the profile cache's Bloom filter before the
   * answer, or the first reads of it would be rejected as impossible.
   */
  public Uni<Saved> signUp(String email, String handle, String displayName, String password) {
    return accounts
        .signUp(email, handle, displayName, hasher.hash(password))
        .onFailure(Taken.class)
        .transform(e -> ProblemException.conflict(conflict(((Taken) e).table())))
        .invoke(signedUp -> LOG.infof("User %s signed up", signedUp.profile().id()))
        .call(signedUp -> profiles.created(signedUp.profile()))
        .map(signedUp -> new Saved(signedUp.profile(), signedUp.token()));
  }

  private static String conflict(Lookups.Table taken) {
    if (taken == null) {
      return "The email or handle is already taken";
    }
    return switch (taken) {
      case EMAIL -> "An account with this email already exists";
      case HANDLE -> "This handle is already taken";
    };
  }

  /**
   * Same 401 for an unknown email and a wrong password, after the same bcrypt work. Throttled per
   * account and per IP (shared-guard LoginThrottle): a throttled login gets 429 before any bcrypt
   * work, every 401 counts, a success clears the account's count.
   */
  public Uni<TokenIssuer.Issued> logIn(String email, String password) {
    LoginThrottle.Attempt attempt = throttle.attempt(email);
    return attempt
        .check()
        .chain(() -> verify(email, password))
        .onFailure(ProblemException.class)
        .call(e -> isWrongPassword(e) ? attempt.failed() : Uni.createFrom().voidItem())
        .call(attempt::succeeded);
  }

  private static boolean isWrongPassword(Throwable e) {
    return ((ProblemException) e).problem().status() == 401;
  }

  private Uni<TokenIssuer.Issued> verify(String email, String password) {
    return lookups
        .findLogin(email)
        .chain(
            login ->
                hasher
                    .verify(password, login == null ? null : login.passwordHash())
                    .map(
                        ok -> {
                          if (!ok) {
                            throw ProblemException.unauthenticated(
                                "The email or password is wrong");
                          }
                          return tokens.issue(login.userId(), login.handle());
                        }));
  }

  /**
   * A public profile; with the consistency token of the caller's own write, never older than that
   * write (ProfileCache says how).
   */
  public Uni<ProfileRead> profile(long userId, String consistencyToken) {
    return profiles
        .read(userId, consistencyToken)
        .map(
            read ->
                new ProfileRead(
                    requireFound(read.value(), userId),
                    read.level().hit(),
                    read.level().name().toLowerCase(Locale.ROOT)));
  }

  /** Applies the non-null fields (and announces the change), then drops the cached copy. */
  public Uni<Saved> updateProfile(long userId, String displayName, String bio) {
    return users
        .update(userId, displayName, bio)
        .map(updated -> requireFound(updated, userId))
        .call(() -> profiles.invalidate(userId))
        .map(updated -> new Saved(updated.profile(), updated.token()));
  }

  private static <T> T requireFound(T value, long userId) {
    if (value == null) {
      throw ProblemException.notFound("No user with id " + userId);
    }
    return value;
  }
}
