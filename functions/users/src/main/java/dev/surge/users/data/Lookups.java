package dev.surge.users.data;

import dev.surge.data.ShardRouter;
import dev.surge.data.ShardRouter.Route;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The lookup rows of emails and handles (V2__sharded_lookups.sql): each on the logical shard of the
 * hash of its lower-cased key, so that a login or a taken-handle check touches one shard. A sign-up
 * claims them as 'pending', then settles them once its user row has committed or failed.
 */
@ApplicationScoped
public class Lookups {
  private static final Logger LOG = Logger.getLogger(Lookups.class);

  private final ShardRouter router;

  public Lookups(ShardRouter router) {
    this.router = router;
  }

  /** What login needs, read from the email's lookup row on one shard. */
  public record Login(long userId, String handle, String passwordHash) {}

  /** The two lookup tables: a row's claim, and its settling (activate or release). */
  public enum Table {
    EMAIL(
        "user_emails_pkey",
        "insert into user_emails (email, shard, user_id, handle, password_hash)"
            + " values ($1, $2, $3, $4, '')",
        "update user_emails set state = 'active', password_hash = $3"
            + " where email = $1 and user_id = $2",
        "delete from user_emails where email = $1 and user_id = $2 and state = 'pending'"),
    HANDLE(
        "user_handles_pkey",
        "insert into user_handles (handle_key, shard, user_id) values ($1, $2, $3)",
        "update user_handles set state = 'active' where handle_key = $1 and user_id = $2",
        "delete from user_handles where handle_key = $1 and user_id = $2 and state = 'pending'");

    private final String primaryKey;
    private final String claim;
    private final String activate;
    private final String release;

    Table(String primaryKey, String claim, String activate, String release) {
      this.primaryKey = primaryKey;
      this.claim = claim;
      this.activate = activate;
      this.release = release;
    }
  }

  /** A sign-up found a key taken, or being taken by another sign-up. */
  public static final class Taken extends RuntimeException {
    private final Table table;

    Taken(Table table) {
      super(table + " taken", null, false, false);
      this.table = table;
    }

    /** EMAIL or HANDLE; null if the user row's own unique index caught it (a lost lookup). */
    public Table table() {
      return table;
    }
  }

  /**
   * Claims the email, then the handle, for {@code userId} as 'pending', with no password hash yet:
   * a taken one fails with {@link Taken}, before any bcrypt work was spent on the sign-up.
   */
  Uni<Void> claim(String email, String handle, long userId) {
    String emailKey = key(email);
    String handleKey = key(handle);
    return claim(Table.EMAIL, emailKey, shard -> Tuple.of(emailKey, shard, userId, handle))
        .chain(() -> claim(Table.HANDLE, handleKey, shard -> Tuple.of(handleKey, shard, userId)));
  }

  private Uni<Void> claim(Table table, String key, Function<Short, Tuple> args) {
    Route route = router.routeKey(key);
    return router
        .onPrimary(
            route,
            pool ->
                pool.preparedQuery(table.claim)
                    .execute(args.apply((short) route.shard()))
                    .replaceWithVoid())
        .onFailure(e -> table.primaryKey.equals(uniqueConstraint(e)))
        .transform(e -> new Taken(table));
  }

  /**
   * A sign-up's two lookups become active once its user row is committed, or are released if it is
   * not (passwordHash null). Never fails: LookupRepair settles whatever is left pending.
   */
  Uni<Void> settle(String email, String handle, long userId, String passwordHash) {
    return Uni.join()
        .all(
            settle(Table.EMAIL, key(email), userId, passwordHash),
            settle(Table.HANDLE, key(handle), userId, passwordHash))
        .andCollectFailures()
        .onFailure()
        .invoke(e -> LOG.warnf("Lookups of user %d left pending: %s", userId, e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> settle(Table table, String key, long userId, String passwordHash) {
    return settleOn(router.routeKey(key).instance(), table, key, userId, passwordHash);
  }

  /**
   * Activates one row on the instance (the email's with the password hash that login reads there)
   * or, with no hash because no user row was committed, drops it if it is still pending.
   */
  Uni<Void> settleOn(String instance, Table table, String key, long userId, String passwordHash) {
    Tuple args = Tuple.of(key, userId);
    String sql = passwordHash == null ? table.release : table.activate;
    if (passwordHash != null && table == Table.EMAIL) {
      args.addString(passwordHash);
    }
    return router.onInstance(
        instance, pool -> pool.preparedQuery(sql).execute(args).replaceWithVoid());
  }

  /**
   * Login data from the email's lookup row: one query on one shard. Served by the primary, so a
   * password or account change is never answered from a lagging replica. Pending rows (a sign-up
   * still in flight or abandoned) do not log in.
   */
  public Uni<Login> findLogin(String email) {
    String key = key(email);
    return router.onPrimary(
        router.routeKey(key),
        pool ->
            pool.preparedQuery(
                    "select user_id, handle, password_hash from user_emails"
                        + " where email = $1 and state = 'active'")
                .execute(Tuple.of(key))
                .map(
                    rows -> {
                      var it = rows.iterator();
                      if (!it.hasNext()) {
                        return null;
                      }
                      var row = it.next();
                      return new Login(row.getLong(0), row.getString(1), row.getString(2));
                    }));
  }

  static String key(String emailOrHandle) {
    return emailOrHandle.toLowerCase(Locale.ROOT);
  }

  /** The unique constraint a failed write broke, whatever wrapped the error; null if none. */
  static String uniqueConstraint(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
        return pg.getConstraint() == null ? "" : pg.getConstraint();
      }
    }
    return null;
  }
}
