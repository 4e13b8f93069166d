package dev.surge.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.ids.SurgeIds;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** New ids spread over the 1024 logical shards uniformly, and over the instances per the map. */
class IdDistributionTest {
  /** Chi-square critical value for 1023 degrees of freedom at the 5% level (Wilson-Hilferty). */
  static double critical(int df) {
    double z = 1.6448536; // 95th percentile of N(0,1)
    double a = 2.0 / (9 * df);
    return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
  }

  @Test
  void tenThousandIdsAreUniformOverLogicalShardsAndSplitPerTheMap() {
    ShardMap map = ShardMap.parse(Clusters.HALVES, 1024);
    int n = 10_000;
    int[] perShard = new int[1024];
    int onShard1 = 0;
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      long id = SurgeIds.next();
      assertTrue(seen.add(id), "ids are unique");
      int shard = map.shardOf(id);
      perShard[shard]++;
      if (map.instanceOf(shard).equals("shard1")) {
        onShard1++;
      }
    }
    double expected = n / 1024.0, chi2 = 0;
    for (int count : perShard) {
      chi2 += (count - expected) * (count - expected) / expected;
    }
    System.out.printf(
        "chi-square %.1f (critical %.1f), shard1 %d of %d%n", chi2, critical(1023), onShard1, n);
    assertTrue(chi2 < critical(1023), "chi-square " + chi2 + " over the 5% critical value");
    // Two halves of the map: each within 5% of 5,000.
    assertTrue(Math.abs(onShard1 - n / 2) <= n / 2 * 0.05, "shard1 got " + onShard1);
  }

  @Test
  void keysHashUniformlyToo() {
    int[] perShard = new int[1024];
    for (int i = 0; i < 10_000; i++) {
      perShard[ShardKeys.hash("user" + i + "@example.com") & 1023]++;
    }
    double expected = 10_000 / 1024.0, chi2 = 0;
    for (int count : perShard) {
      chi2 += (count - expected) * (count - expected) / expected;
    }
    assertTrue(chi2 < critical(1023), "chi-square " + chi2);
  }

  @Test
  void idsCarryTheirShardAndTimeAndStayOrdered() {
    long a = SurgeIds.next(7), b = SurgeIds.next(7);
    assertEquals(7, SurgeIds.shardOf(a));
    assertTrue(b > a || SurgeIds.timeOf(b).equals(SurgeIds.timeOf(a)));
  }

  /** More than 4,096 ids a millisecond: the sequence must wait for the next one, never wrap. */
  @Test
  void burstsFromSeveralThreadsNeverRepeatAnId() throws InterruptedException {
    Set<Long> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger duplicates =
        new java.util.concurrent.atomic.AtomicInteger();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 250_000; i++) {
                  if (!ids.add(SurgeIds.next())) {
                    duplicates.incrementAndGet();
                  }
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(0, duplicates.get());
    assertEquals(1_000_000, ids.size());
  }
}
