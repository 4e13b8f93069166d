package dev.surge.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.ids.SurgeIds;
import dev.surge.users.data.LookupRepair;
import dev.surge.users.support.Accounts;
import dev.surge.users.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Lookup rows a crash left 'pending' (staged directly in the database): without a user row they are
 * released, with one they become active and the account logs in. JVM only: it runs the repair in
 * the application, which a native run cannot offer.
 */
@QuarkusTest
class LookupRepairTest {
  private static final String STALE = "now() - interval '1 minute'";

  @Inject LookupRepair repair;

  @Test
  void staleClaimsAreReleasedWithoutAUserRowAndActivatedWithOne() {
    // Died after claiming, before its user row: the email and handle must become free again.
    long ghost = SurgeIds.next();
    String handle = Accounts.uniqueHandle();
    Db.update(
        "insert into user_emails (email, shard, user_id, handle, password_hash, created_at)"
            + " values (?, 0, ?, ?, '', "
            + STALE
            + ")",
        handle + "@example.com",
        ghost,
        handle);
    Db.update(
        "insert into user_handles (handle_key, shard, user_id, created_at) values (?, 0, ?, "
            + STALE
            + ")",
        handle.toLowerCase(Locale.ROOT),
        ghost);
    // Died after its user row committed, before activating the lookups.
    var account = Accounts.create();
    long id = Long.parseLong(account.id());
    Db.update(
        "update user_emails set state = 'pending', password_hash = '', created_at = "
            + STALE
            + " where user_id = ?",
        id);
    Db.update(
        "update user_handles set state = 'pending', created_at = " + STALE + " where user_id = ?",
        id);

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              repair.repairAll().await().atMost(Duration.ofSeconds(10));
              return Db.count("select count(*) from user_emails where user_id = ?", ghost)
                      + Db.count("select count(*) from user_handles where user_id = ?", ghost)
                  == 0;
            });
    assertEquals(
        1,
        Db.count(
            "select count(*) from user_emails where user_id = ? and state = 'active'"
                + " and password_hash <> ''",
            id));
    assertEquals(
        1,
        Db.count("select count(*) from user_handles where user_id = ? and state = 'active'", id));
    Accounts.logIn(account.email());
  }
}
