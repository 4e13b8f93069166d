package dev.surge.users.data;

import dev.surge.data.ShardRouter;
import dev.surge.users.data.Lookups.Table;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Settles lookup rows a sign-up left 'pending' for over 30 s (a crash, or a shard down between the
 * steps): if the user row exists on its shard, the lookup becomes active (with the user's password
 * hash); if not, the claim is dropped and the email or handle is free again.
 */
@ApplicationScoped
public class LookupRepair {
  private static final Logger LOG = Logger.getLogger(LookupRepair.class);
  private static final String STALE =
      "state = 'pending' and created_at < now() - interval '30 seconds'";

  private final ShardRouter router;
  private final Lookups lookups;
  private final UserRepository users;

  public LookupRepair(ShardRouter router, Lookups lookups, UserRepository users) {
    this.router = router;
    this.lookups = lookups;
    this.users = users;
  }

  @Scheduled(
      every = "30s",
      delayed = "30s",
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> run() {
    return repairAll().onFailure().recoverWithNull().replaceWithVoid();
  }

  /** One pass over every instance; returns how many lookup rows were settled. */
  public Uni<Integer> repairAll() {
    List<Uni<Integer>> all = new ArrayList<>();
    for (String instance : router.instances()) {
      all.add(repair(instance).onFailure().recoverWithItem(0));
    }
    return Uni.join().all(all).andFailFast().map(l -> l.stream().mapToInt(i -> i).sum());
  }

  private Uni<Integer> repair(String instance) {
    return router
        .onInstance(
            instance,
            pool ->
                pool.query(
                        "select 'email' as lookup_table, email as key, user_id from user_emails where "
                            + STALE
                            + " union all select 'handle', handle_key, user_id from user_handles"
                            + " where "
                            + STALE
                            + " limit 200")
                    .execute())
        .chain(
            rows ->
                Multi.createFrom()
                    .iterable(rows)
                    .onItem()
                    .transformToUniAndConcatenate(row -> settle(instance, row))
                    .collect()
                    .asList()
                    .map(List::size));
  }

  /** Settles the row on the instance it was found on (a moved shard's old copy included). */
  private Uni<Void> settle(String instance, Row row) {
    Table table = row.getString("lookup_table").equals("email") ? Table.EMAIL : Table.HANDLE;
    String key = row.getString("key");
    long userId = row.getLong("user_id");
    return users
        .passwordHash(userId)
        .chain(
            hash -> {
              LOG.infof(
                  "Lookup %s of user %d %s",
                  row.getString("lookup_table"), userId, hash == null ? "released" : "activated");
              return lookups.settleOn(instance, table, key, userId, hash);
            });
  }
}
