package dev.surge.cache.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The same tests against the 3-node Redis Cluster that dev/platform starts on 7000-7002. */
public class RedisCluster implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.redis.client-type",
        "cluster",
        "quarkus.redis.hosts",
        "redis://127.0.0.1:7000,redis://127.0.0.1:7001,redis://127.0.0.1:7002",
        // The 1 s default makes every connect of a burst re-discover the slot map (README).
        "quarkus.redis.topology-cache-ttl",
        "60s");
  }
}
