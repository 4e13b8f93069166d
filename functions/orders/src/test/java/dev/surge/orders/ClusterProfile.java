package dev.surge.orders;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Redis is the local 3-node Cluster (7000-7002): each sale bucket is one slot. */
public class ClusterProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.redis.hosts", "redis://127.0.0.1:7000",
        "quarkus.redis.client-type", "cluster");
  }
}
