package dev.surge.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.catalog.SaleKeys;
import dev.surge.model.ids.SurgeIds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The same sale on the local 3-node Redis Cluster (7000-7002): each bucket is its own slot, and
 * creating and reading a sale never needs two of them in one command.
 */
@QuarkusTest
@TestProfile(SaleBucketsClusterTest.ClusterThreeBuckets.class)
class SaleBucketsClusterTest extends SaleBucketsTest {

  public static class ClusterThreeBuckets implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "surge.catalog.sale-buckets", "3",
          "quarkus.redis.client-type", "cluster",
          "quarkus.redis.hosts", "redis://127.0.0.1:7000");
    }
  }

  @Override
  int redisPort() {
    return 7000;
  }

  @Test
  void bucketsHashToDifferentSlots() {
    long sale = SurgeIds.next();
    Set<String> slots = new HashSet<>();
    for (int bucket = 0; bucket < 3; bucket++) {
      slots.add(Admin.redisAt(7000, "CLUSTER", "KEYSLOT", SaleKeys.stock(sale, bucket)));
      // A bucket's keys share its slot (the purchase script touches them together).
      assertTrue(
          Admin.redisAt(7000, "CLUSTER", "KEYSLOT", SaleKeys.stock(sale, bucket))
              .equals(
                  Admin.redisAt(7000, "CLUSTER", "KEYSLOT", SaleKeys.definition(sale, bucket))));
    }
    assertTrue(slots.size() >= 2, "slots " + slots);
  }
}
