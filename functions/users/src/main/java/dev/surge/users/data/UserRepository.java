package dev.surge.users.data;

import dev.surge.data.ConsistencyToken;
import dev.surge.data.ShardRouter;
import dev.surge.data.ShardRouter.Route;
import dev.surge.data.ShardRouter.Written;
import dev.surge.model.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Function;

/**
 * Users and their lookup rows, each statement on the one shard that holds its key (see
 * V2__sharded_lookups.sql for the sign-up protocol across the lookup shards and the user's).
 */
@ApplicationScoped
public class UserRepository {
  public static final String EMAIL_TAKEN = "user_emails_pkey";
  public static final String HANDLE_TAKEN = "user_handles_pkey";

  private final ShardRouter router;

  public UserRepository(ShardRouter router) {
    this.router = router;
  }

  public Route routeOf(long userId) {
    return router.route(userId);
  }

  static String emailKey(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  static String handleKey(String handle) {
    return handle.toLowerCase(Locale.ROOT);
  }

  /**
   * Step 1: claims the email on its shard as 'pending' (no password hash yet: a taken email costs
   * no bcrypt work); fails with {@value #EMAIL_TAKEN} if the email is taken or being taken.
   */
  public Uni<Void> reserveEmail(String email, long userId, String handle) {
    Route route = router.routeKey(emailKey(email));
    return router.onPrimary(
        route,
        pool ->
            pool.preparedQuery(
                    "insert into user_emails (email, shard, user_id, handle, password_hash)"
                        + " values ($1, $2, $3, $4, $5)")
                .execute(
                    Tuple.of(
                        emailKey(email),
                        (short) (dev.surge.data.ShardKeys.hash(emailKey(email)) & 1023),
                        userId,
                        handle,
                        ""))
                .replaceWithVoid());
  }

  /** Step 2: claims the handle (case-insensitive) on its shard as 'pending'. */
  public Uni<Void> reserveHandle(String handle, long userId) {
    Route route = router.routeKey(handleKey(handle));
    return router.onPrimary(
        route,
        pool ->
            pool.preparedQuery(
                    "insert into user_handles (handle_key, shard, user_id) values ($1, $2, $3)")
                .execute(
                    Tuple.of(
                        handleKey(handle),
                        (short) (dev.surge.data.ShardKeys.hash(handleKey(handle)) & 1023),
                        userId))
                .replaceWithVoid());
  }

  /** Step 3: the user row (and whatever {@code alsoInTx} writes) on the user's own shard. */
  public Uni<Written<User>> insert(User user, Function<SqlConnection, Uni<Void>> alsoInTx) {
    return router.write(
        router.route(user.id),
        tx ->
            tx.preparedQuery(
                    "insert into users (" + User.COLUMNS + ") values ($1,$2,$3,$4,$5,$6,$7,$8)")
                .execute(
                    Tuple.from(
                        new Object[] {
                          user.id,
                          user.email,
                          user.handle,
                          user.displayName,
                          user.bio,
                          user.passwordHash,
                          user.createdAt.atOffset(ZoneOffset.UTC),
                          user.updatedAt.atOffset(ZoneOffset.UTC)
                        }))
                .chain(() -> alsoInTx.apply(tx))
                .replaceWith(user));
  }

  /** Step 4: the lookups become 'active' once the user row is committed. */
  public Uni<Void> activate(String email, String handle, long userId, String passwordHash) {
    return setState(email, handle, userId, passwordHash);
  }

  /** Undo of steps 1-2 after a failed sign-up (LookupRepair catches what this misses). */
  public Uni<Void> release(String email, String handle, long userId) {
    return setState(email, handle, userId, null);
  }

  private Uni<Void> setState(String email, String handle, long userId, String passwordHash) {
    boolean activate = passwordHash != null;
    String emails =
        activate
            ? "update user_emails set state = 'active', password_hash = $3"
                + " where email = $1 and user_id = $2"
            : "delete from user_emails where email = $1 and user_id = $2 and state = 'pending'";
    String handles =
        activate
            ? "update user_handles set state = 'active' where handle_key = $1 and user_id = $2"
            : "delete from user_handles where handle_key = $1 and user_id = $2"
                + " and state = 'pending'";
    Uni<Void> e =
        router.onPrimary(
            router.routeKey(emailKey(email)),
            pool ->
                pool.preparedQuery(emails)
                    .execute(
                        activate
                            ? Tuple.of(emailKey(email), userId, passwordHash)
                            : Tuple.of(emailKey(email), userId))
                    .replaceWithVoid());
    Uni<Void> h =
        router.onPrimary(
            router.routeKey(handleKey(handle)),
            pool ->
                pool.preparedQuery(handles)
                    .execute(Tuple.of(handleKey(handle), userId))
                    .replaceWithVoid());
    return Uni.join().all(e, h).andCollectFailures().replaceWithVoid();
  }

  /**
   * Login data from the email's lookup row: one query on one shard. Served by the primary, so a
   * password or account change is never answered from a lagging replica. Pending rows (a sign-up
   * still in flight or abandoned) do not log in.
   */
  public Uni<Login> findLogin(String email) {
    return router.onPrimary(
        router.routeKey(emailKey(email)),
        pool ->
            pool.preparedQuery(
                    "select user_id, handle, password_hash from user_emails"
                        + " where email = $1 and state = 'active'")
                .execute(Tuple.of(emailKey(email)))
                .map(
                    rows -> {
                      var it = rows.iterator();
                      if (!it.hasNext()) {
                        return null;
                      }
                      Row row = it.next();
                      return new Login(
                          row.getLong("user_id"),
                          row.getString("handle"),
                          row.getString("password_hash"));
                    }));
  }

  /** A user by id, from a replica unless the token says the replica is not there yet. */
  public Uni<User> findById(long id, ConsistencyToken token) {
    return router.read(
        router.route(id),
        token,
        pool ->
            pool.preparedQuery("select " + User.COLUMNS + " from users where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? User.from(rows.iterator().next()) : null));
  }

  /**
   * Locks the user row on its primary, lets {@code change} edit it and add to the transaction,
   * writes it back, commits, and returns the new row with the write's consistency token.
   */
  public Uni<Written<User>> update(
      long id, java.util.function.BiFunction<SqlConnection, User, Uni<Void>> change) {
    return router.write(
        router.route(id),
        tx ->
            tx.preparedQuery("select " + User.COLUMNS + " from users where id = $1 for update")
                .execute(Tuple.of(id))
                .chain(
                    rows -> {
                      if (!rows.iterator().hasNext()) {
                        return Uni.createFrom()
                            .failure(ProblemException.notFound("No user with id " + id));
                      }
                      User user = User.from(rows.iterator().next());
                      return change
                          .apply(tx, user)
                          .chain(
                              () ->
                                  tx.preparedQuery(
                                          "update users set display_name = $2, bio = $3,"
                                              + " updated_at = $4 where id = $1")
                                      .execute(
                                          Tuple.of(
                                              id,
                                              user.displayName,
                                              user.bio,
                                              user.updatedAt.atOffset(ZoneOffset.UTC))))
                          .replaceWith(user);
                    }));
  }

  /**
   * Every user id on every instance, for rebuilding the profile cache's Bloom filter. Rows of a
   * shard that moved away and is not cleaned up yet are included: a Bloom filter may over-report.
   */
  public Multi<String> allIds() {
    return router
        .onEveryInstance(pool -> pool.query("select id from users").execute())
        .onItem()
        .transformToMulti(sets -> Multi.createFrom().iterable(sets))
        .onItem()
        .transformToIterable(rows -> rows)
        .map(row -> Long.toString(row.getLong(0)));
  }

  /** Whether a user row exists on its primary (lookup repair). */
  public Uni<Boolean> exists(long id) {
    return router.onPrimary(
        router.route(id),
        pool ->
            pool.preparedQuery("select 1 from users where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext()));
  }

  static Instant now() {
    return Instant.now();
  }
}
