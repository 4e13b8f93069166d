package dev.surge.orders;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.ids.SurgeIds;
import dev.surge.orders.data.Reservation;
import dev.surge.orders.data.SaleStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A crash between the purchase's two steps: only the Redis step runs (the real script, through the
 * application's own SaleStore), as if the process died before publishing PurchaseReserved. The
 * reconciliation finds the reservation after its grace period and re-publishes it: exactly one
 * order. It reaches into the application, so it runs on the JVM only (like OutboxCrashTest).
 */
@QuarkusTest
@TestProfile(JobsProfile.class)
class ReconcileTest {
  @Inject SaleStore sales;

  @Test
  void aReservationWhoseEventWasNeverSentBecomesExactlyOneOrder() {
    long sale = Shop.sale(PurchaseTest.REDIS, Shop.item(0, 1500), 2, 1, 1, true);
    long buyer = SurgeIds.next();
    long order = SurgeIds.next(SurgeIds.shardOf(buyer));
    int buckets = sales.buckets(sale).await().indefinitely();
    Reservation.Outcome taken =
        sales.reserve(sale, 0, buyer, "crash", order, 1).await().indefinitely();
    assertEquals(0, taken.code());
    assertEquals(1, Shop.remaining(PurchaseTest.REDIS, sale, buckets));
    assertEquals(0, Shop.ordersOfSale(sale));

    await().atMost(Duration.ofSeconds(15)).until(() -> Shop.ordersOfSale(sale) == 1);
    assertEquals(order, Shop.scalar("select id from orders where sale_id = ?", sale));
    // Later rounds see it persisted and publish nothing more.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> Shop.ordersOfSale(sale) == 1);
    // (Its unit is not checked here: this profile's 4 s payment timeout may already have expired
    // the order and given the unit back, which ExpiryTest covers.)
  }
}
