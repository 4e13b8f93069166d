package dev.surge.users.sharding;

import dev.surge.testing.LocalShards;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The users function on the two local shard primaries (5433, 5434) and shard1's replica (5435),
 * databases surge_test (dev/platform.d/pgshards.sh; schema by dev/migrate).
 */
public class TwoShards implements QuarkusTestProfile {
  public static final int SHARD1 = LocalShards.SHARD1, SHARD2 = LocalShards.SHARD2;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "surge.data.instances.shard1.primary", LocalShards.url(SHARD1),
        "surge.data.instances.shard1.replicas", LocalShards.url(LocalShards.REPLICA1),
        "surge.data.instances.shard2.primary", LocalShards.url(SHARD2),
        "surge.data.map", "0-511=shard1,512-1023=shard2",
        // A paused replica must stay in use for token-less reads during the test.
        "surge.data.replica-max-lag", "120s",
        // Cheap hashing and no Kafka publishing: these tests create thousands of accounts
        // (the outbox rows are still written; OutboxEventTest covers publishing).
        "surge.users.bcrypt-cost", "4",
        "surge.outbox.enabled", "false");
  }
}
