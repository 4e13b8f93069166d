package dev.surge.users.data;

import dev.surge.data.ConsistencyToken;
import dev.surge.data.ShardRouter;
import dev.surge.events.outbox.EventOutbox;
import dev.surge.events.outbox.OutboxRelay;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.UserProfileUpdated;
import dev.surge.model.users.UserProfile;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * User rows once signed up ({@link Accounts}): profile reads and edits on the user's own shard, the
 * password hash for LookupRepair, and every id for the profile cache's Bloom filter.
 */
@ApplicationScoped
public class UserRepository {
  private static final String PROFILE = "id, handle, display_name, bio, created_at";

  private final ShardRouter router;
  private final EventOutbox outbox;
  private final OutboxRelay relay;

  public UserRepository(ShardRouter router, EventOutbox outbox, OutboxRelay relay) {
    this.router = router;
    this.outbox = outbox;
    this.relay = relay;
  }

  /** A committed edit: the profile as written and the consistency token of its commit. */
  public record Updated(UserProfile profile, String token) {}

  /** A public profile, from a replica unless the token says the replica is not there yet. */
  public Uni<UserProfile> find(long userId, ConsistencyToken token) {
    return router.read(
        userId,
        token,
        pool ->
            pool.preparedQuery("select " + PROFILE + " from users where id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> first(rows, UserRepository::profile)));
  }

  /**
   * Sets the non-null fields and appends their UserProfileUpdated event, in one transaction on the
   * user's primary. Null if there is no such user (then nothing is written).
   */
  public Uni<Updated> update(long userId, String displayName, String bio) {
    return router
        .write(
            userId,
            tx ->
                tx.preparedQuery(
                        "update users set display_name = coalesce($2, display_name),"
                            + " bio = coalesce($3, bio), updated_at = $4 where id = $1"
                            + " returning "
                            + PROFILE
                            + ", updated_at")
                    .execute(
                        Tuple.of(userId, displayName, bio, Instant.now().atOffset(ZoneOffset.UTC)))
                    .chain(rows -> announce(tx, userId, rows)))
        .map(w -> w.value() == null ? null : new Updated(w.value(), w.token().toString()))
        .onItem()
        .ifNotNull()
        .invoke(relay::nudge);
  }

  /** The edited row's UserProfileUpdated event, in the edit's transaction; null if no row. */
  private Uni<UserProfile> announce(SqlConnection tx, long userId, RowSet<Row> rows) {
    var it = rows.iterator();
    if (!it.hasNext()) {
      return Uni.createFrom().nullItem();
    }
    Row row = it.next();
    UserProfile profile = profile(row);
    var event =
        new UserProfileUpdated(
            profile.id(),
            profile.displayName(),
            profile.bio(),
            row.getOffsetDateTime("updated_at").toInstant());
    return outbox
        .append(
            tx,
            userId,
            EventTypes.USERS_TOPIC,
            EventTypes.USER_PROFILE_UPDATED,
            profile.id(),
            event)
        .replaceWith(profile);
  }

  /** The password hash of a committed user row, on its primary; null while there is none. */
  public Uni<String> passwordHash(long userId) {
    return router.onPrimary(
        router.route(userId),
        pool ->
            pool.preparedQuery("select password_hash from users where id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> first(rows, r -> r.getString(0))));
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

  private static UserProfile profile(Row row) {
    return new UserProfile(
        Long.toString(row.getLong("id")),
        row.getString("handle"),
        row.getString("display_name"),
        row.getString("bio"),
        row.getOffsetDateTime("created_at").toInstant());
  }

  private static <T> T first(RowSet<Row> rows, Function<Row, T> map) {
    var it = rows.iterator();
    return it.hasNext() ? map.apply(it.next()) : null;
  }
}
