package dev.surge.orders;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.ids.SurgeIds;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A flash sale: 200 buyers at once for 50 units, one each. Exactly 50 are accepted, the stock ends
 * at 0 and never below, nobody gets two, and all 50 orders are persisted within 10 s.
 */
@QuarkusTest
class FlashSaleTest {
  static final int BUYERS = 200, UNITS = 50;

  int redis() {
    return PurchaseTest.REDIS;
  }

  int buckets() {
    return 1;
  }

  @Test
  void everyUnitIsSoldOnceAndEveryAcceptedBuyerGetsAnOrder() throws Exception {
    long sale = Shop.sale(redis(), Shop.item(0, 1500), UNITS, 1, buckets(), true);
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < BUYERS; i++) {
        long buyer = SurgeIds.next();
        all.add(
            pool.submit(
                () -> {
                  var r = Shop.purchase(sale, buyer);
                  statuses.merge(r.statusCode(), 1, Integer::sum);
                  if (r.statusCode() == 202) {
                    accepted.add(r.path("orderId"));
                  } else {
                    assertTrue(r.asString().contains("sold-out"), r.asString());
                  }
                }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    // With several buckets a buyer whose bucket is empty gets sold-out while another bucket may
    // still have units (SaleKeys.bucketOf pins buyers): never more than UNITS, and here all of
    // them since 200 buyers spread over every bucket.
    assertEquals(UNITS, accepted.size(), "accepted: " + statuses);
    assertEquals(BUYERS - UNITS, statuses.getOrDefault(409, 0), statuses.toString());
    assertEquals(0, Shop.remaining(redis(), sale, buckets()));
    await().atMost(Duration.ofSeconds(10)).until(() -> Shop.ordersOfSale(sale) == UNITS);
    assertEquals(
        UNITS, Shop.scalar("select count(distinct user_id) from orders where sale_id = ?", sale));
  }
}
