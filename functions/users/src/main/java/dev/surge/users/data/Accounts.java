package dev.surge.users.data;

import dev.surge.data.ShardRouter;
import dev.surge.events.outbox.EventOutbox;
import dev.surge.events.outbox.OutboxRelay;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.UserSignedUp;
import dev.surge.model.ids.SurgeIds;
import dev.surge.model.users.UserProfile;
import dev.surge.users.data.Lookups.Taken;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Sign-up across shards (V2__sharded_lookups.sql): the user row, with its UserSignedUp event, on
 * the shard in the user's id; the email's and the handle's lookup rows on theirs ({@link Lookups}).
 */
@ApplicationScoped
public class Accounts {
  private final ShardRouter router;
  private final Lookups lookups;
  private final EventOutbox outbox;
  private final OutboxRelay relay;

  public Accounts(ShardRouter router, Lookups lookups, EventOutbox outbox, OutboxRelay relay) {
    this.router = router;
    this.lookups = lookups;
    this.outbox = outbox;
    this.relay = relay;
  }

  /** A committed sign-up: the new public profile and the consistency token of its commit. */
  public record SignedUp(UserProfile profile, String token) {}

  /**
   * Signs a user up. The email and the handle are claimed first: a taken one fails with {@link
   * Taken} before {@code passwordHash} is subscribed to, so it costs no bcrypt work. Then the user
   * row and its UserSignedUp event commit in one transaction on the user's own shard, and the
   * lookups become active. A failure releases the attempt's claims (LookupRepair settles whatever a
   * crash leaves pending). After the commit the outbox relay is nudged, so the event need not wait
   * for its next poll.
   */
  public Uni<SignedUp> signUp(
      String email, String handle, String displayName, Uni<String> passwordHash) {
    return Uni.createFrom()
        .deferred(() -> signUp(SurgeIds.next(), email, handle, displayName, passwordHash))
        // A fresh id on the one-in-millions chance two processes drew the same one.
        .onFailure(e -> "users_pkey".equals(Lookups.uniqueConstraint(e)))
        .retry()
        .atMost(2)
        // The unique email/handle index of the user's own shard: only if a lookup was lost.
        .onFailure(e -> Lookups.uniqueConstraint(e) != null)
        .transform(e -> new Taken(null))
        .invoke(relay::nudge);
  }

  private Uni<SignedUp> signUp(
      long id, String email, String handle, String displayName, Uni<String> passwordHash) {
    return lookups
        .claim(email, handle, id)
        .chain(() -> passwordHash)
        .chain(
            hash ->
                router
                    .write(id, tx -> insert(tx, id, email, handle, displayName, hash))
                    .call(() -> lookups.settle(email, handle, id, hash))
                    .map(written -> new SignedUp(written.value(), written.token().toString())))
        .onFailure()
        .call(e -> lookups.settle(email, handle, id, null));
  }

  private Uni<UserProfile> insert(
      SqlConnection tx, long id, String email, String handle, String displayName, String hash) {
    Instant now = Instant.now();
    var profile = new UserProfile(Long.toString(id), handle, displayName, "", now);
    var event = new UserSignedUp(profile.id(), handle, displayName, now);
    return tx.preparedQuery(
            "insert into users (id, email, handle, display_name, bio, password_hash, created_at,"
                + " updated_at) values ($1, $2, $3, $4, '', $5, $6, $6)")
        .execute(
            Tuple.of(
                id, Lookups.key(email), handle, displayName, hash, now.atOffset(ZoneOffset.UTC)))
        .chain(
            () ->
                outbox.append(
                    tx, id, EventTypes.USERS_TOPIC, EventTypes.USER_SIGNED_UP, profile.id(), event))
        .replaceWith(profile);
  }
}
