package dev.surge.users.data;

import dev.surge.data.ShardRouter;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness over the shard primaries. One instance down does not make the function unready: its
 * users get 503 while every other user is served, which taking the pod out of rotation would break.
 * Only when no instance answers is the function down. Each instance's state is reported.
 */
@Readiness
@ApplicationScoped
public class ShardsHealth implements AsyncHealthCheck {
  private final ShardRouter router;

  public ShardsHealth(ShardRouter router) {
    this.router = router;
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    List<Uni<String>> checks = new ArrayList<>();
    for (String instance : router.instances()) {
      checks.add(
          router
              .onInstance(instance, pool -> pool.query("select 1").execute())
              .map(rows -> instance + "=up")
              .onFailure()
              .recoverWithItem(instance + "=down"));
    }
    return Uni.join()
        .all(checks)
        .andFailFast()
        .map(
            states -> {
              var builder = HealthCheckResponse.named("Reactive PostgreSQL shards");
              states.forEach(
                  s -> builder.withData(s.substring(0, s.indexOf('=')), s.endsWith("=up")));
              return builder.status(states.stream().anyMatch(s -> s.endsWith("=up"))).build();
            });
  }
}
