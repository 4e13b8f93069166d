package dev.surge.orders;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.ids.SurgeIds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An order not paid within the payment timeout is cancelled and its units go back. */
@QuarkusTest
@TestProfile(JobsProfile.class)
class ExpiryTest {

  /**
   * Orders that other tests (and earlier runs against this database) left unpaid are due too, and
   * the job settles the oldest 100 a round: a backlog of thousands would keep it from this test's
   * order for minutes. They are closed here, as the job would close them.
   */
  @BeforeEach
  void settleOtherTestsOrders() {
    Shop.sql(
        "update orders set status = 'CANCELLED', cancel_reason = coalesce(cancel_reason,"
            + " 'expired'), units_returned = true, updated_at = now(), version = version + 1"
            + " where status = 'CONFIRMED' or (status = 'CANCELLED' and not units_returned)");
  }

  @Test
  void anUnpaidSaleOrderExpiresAndItsUnitGoesBack() {
    long sale = Shop.sale(PurchaseTest.REDIS, Shop.item(0, 1500), 3, 3, 1, true);
    long order = OrdersTest.saleOrder(SurgeIds.next(), sale);
    assertEquals(2, Shop.remaining(PurchaseTest.REDIS, sale, 1));
    await().atMost(Duration.ofSeconds(15)).until(() -> "CANCELLED".equals(Shop.status(order)));
    assertEquals(
        1,
        Shop.scalar(
            "select count(*) from orders where id = ? and cancel_reason = 'expired'", order));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Shop.remaining(PurchaseTest.REDIS, sale, 1) == 3);
  }

  @Test
  void anUnpaidCheckoutExpiresAndItsStockGoesBack() {
    long buyer = SurgeIds.next();
    long item = Shop.item(2, 700);
    String id =
        OrdersTest.as(buyer)
            .body(Map.of("items", List.of(OrdersTest.item(item, 2))))
            .post("/orders")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertEquals(0, Shop.stockOf(item));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "CANCELLED".equals(Shop.status(Long.parseLong(id))));
    await().atMost(Duration.ofSeconds(5)).until(() -> Shop.stockOf(item) == 2);
  }
}
