package dev.surge.users.data;

import dev.surge.data.ShardRouter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
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
  private static final String STALE = "created_at < now() - interval '30 seconds'";

  private final ShardRouter router;

  public LookupRepair(ShardRouter router) {
    this.router = router;
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
                        "select 'email' as kind, email as key, user_id from user_emails"
                            + " where state = 'pending' and "
                            + STALE
                            + " union all select 'handle', handle_key, user_id from user_handles"
                            + " where state = 'pending' and "
                            + STALE
                            + " limit 200")
                    .execute())
        .chain(
            rows -> {
              List<Row> list = new ArrayList<>();
              rows.forEach(list::add);
              return Multi.createFrom()
                  .iterable(list)
                  .onItem()
                  .transformToUniAndConcatenate(row -> settle(instance, row))
                  .collect()
                  .asList()
                  .map(List::size);
            });
  }

  private Uni<Void> settle(String instance, Row row) {
    String kind = row.getString("kind");
    String key = row.getString("key");
    long userId = row.getLong("user_id");
    boolean email = kind.equals("email");
    return router
        .onPrimary(
            router.route(userId),
            pool ->
                pool.preparedQuery("select password_hash from users where id = $1")
                    .execute(Tuple.of(userId))
                    .map(r -> r.iterator().hasNext() ? r.iterator().next().getString(0) : null))
        .chain(
            hash ->
                router.onInstance(
                    instance,
                    pool -> {
                      String sql;
                      Tuple args;
                      if (hash == null) {
                        sql =
                            email
                                ? "delete from user_emails where email = $1 and user_id = $2"
                                    + " and state = 'pending'"
                                : "delete from user_handles where handle_key = $1"
                                    + " and user_id = $2 and state = 'pending'";
                        args = Tuple.of(key, userId);
                      } else if (email) {
                        sql =
                            "update user_emails set state = 'active', password_hash = $3"
                                + " where email = $1 and user_id = $2";
                        args = Tuple.of(key, userId, hash);
                      } else {
                        sql =
                            "update user_handles set state = 'active' where handle_key = $1"
                                + " and user_id = $2";
                        args = Tuple.of(key, userId);
                      }
                      LOG.infof(
                          "Lookup %s of user %d %s",
                          kind, userId, hash == null ? "released" : "activated");
                      return pool.preparedQuery(sql).execute(args).replaceWithVoid();
                    }));
  }
}
