package dev.surge.orders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The same flash sale on the Redis Cluster, its stock split into 3 sub-buckets (3 hash tags, so up
 * to 3 slots on different nodes); each purchase script still runs on one slot.
 */
@QuarkusTest
@TestProfile(ClusterProfile.class)
class FlashSaleClusterTest extends FlashSaleTest {
  @Override
  int redis() {
    return 7000;
  }

  @Override
  int buckets() {
    return 3;
  }
}
