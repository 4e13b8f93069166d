package dev.surge.users.sharding;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The users function on the two local shard primaries (5433, 5434) and shard1's replica (5435),
 * databases surge_test (dev/platform.d/pgshards.sh; schema by dev/migrate).
 */
public class TwoShards implements QuarkusTestProfile {
  public static final int SHARD1 = 5433, SHARD2 = 5434, REPLICA1 = 5435;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "surge.data.instances.shard1.primary", "postgresql://127.0.0.1:5433/surge_test",
        "surge.data.instances.shard1.replicas", "postgresql://127.0.0.1:5435/surge_test",
        "surge.data.instances.shard2.primary", "postgresql://127.0.0.1:5434/surge_test",
        "surge.data.map", "0-511=shard1,512-1023=shard2",
        // A paused replica must stay in use for token-less reads during the test.
        "surge.data.replica-max-lag", "120s",
        // Cheap hashing and no Kafka publishing: these tests create thousands of accounts
        // (the outbox rows are still written; OutboxEventTest covers publishing).
        "surge.users.bcrypt-cost", "4",
        "surge.outbox.enabled", "false");
  }
}
