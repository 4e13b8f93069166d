package dev.surge.orders;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.catalog.SaleKeys;
import dev.surge.model.ids.SurgeIds;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flash-sale purchases on a single Redis node: each answer the script can give. */
@QuarkusTest
class PurchaseTest {
  static final int REDIS = 6379;

  int redis() {
    return REDIS;
  }

  @Test
  void acceptedPurchaseIsPendingThenPersistedConfirmed() {
    long sale = Shop.sale(redis(), Shop.item(0, 1500), 5, 2, 1, true);
    long buyer = SurgeIds.next();
    var accepted = Shop.purchase(sale, buyer, "k1", Map.of("quantity", 2));
    accepted.then().statusCode(202).body("status", equalTo("PENDING"));
    String order = accepted.path("orderId");
    assertTrue(accepted.header("Location").endsWith("/orders/" + order));
    assertEquals(3, Shop.remaining(redis(), sale, 1));
    // What orders writes lives as long as catalog's keys of the sale.
    for (String key :
        new String[] {
          SaleKeys.buyers(sale, 0), SaleKeys.reservations(sale, 0), SaleKeys.keys(sale, 0)
        }) {
      long ttl = Long.parseLong(Shop.redis(redis(), "PTTL", key).trim());
      assertTrue(ttl > 7_000_000 && ttl <= 7_200_000, key + " PTTL " + ttl);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "CONFIRMED".equals(Shop.status(Long.parseLong(order))));
    assertEquals(
        3000, Shop.scalar("select total_cents from orders where id = ?", Long.parseLong(order)));
  }

  @Test
  void retryWithTheSameKeyReturnsTheSameOrderAndTakesOneUnit() {
    long sale = Shop.sale(redis(), Shop.item(0, 1500), 5, 3, 1, true);
    long buyer = SurgeIds.next();
    String first =
        Shop.purchase(sale, buyer, "same", Map.of())
            .then()
            .statusCode(202)
            .extract()
            .path("orderId");
    String again =
        Shop.purchase(sale, buyer, "same", Map.of())
            .then()
            .statusCode(202)
            .extract()
            .path("orderId");
    assertEquals(first, again);
    assertEquals(4, Shop.remaining(redis(), sale, 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> Shop.ordersOfSale(sale) == 1);
  }

  @Test
  void soldOutLimitReachedAndNotActiveAreProblems() {
    long item = Shop.item(0, 1500);
    long sale = Shop.sale(redis(), item, 1, 1, 1, true);
    Shop.purchase(sale, SurgeIds.next()).then().statusCode(202);
    Shop.purchase(sale, SurgeIds.next())
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("sold-out"));

    long limited = Shop.sale(redis(), item, 10, 1, 1, true);
    long buyer = SurgeIds.next();
    Shop.purchase(limited, buyer).then().statusCode(202);
    Shop.purchase(limited, buyer).then().statusCode(409).body("type", endsWith("limit-reached"));
    Shop.purchase(limited, SurgeIds.next(), "k", Map.of("quantity", 2))
        .then()
        .statusCode(409)
        .body("type", endsWith("limit-reached"));

    long later = Shop.sale(redis(), item, 10, 1, 1, false);
    Shop.purchase(later, SurgeIds.next())
        .then()
        .statusCode(409)
        .body("type", endsWith("sale-not-active"));
    assertEquals(10, Shop.remaining(redis(), later, 1));
  }

  @Test
  void badRequestsAreRefusedAndTakeNothing() {
    long sale = Shop.sale(redis(), Shop.item(0, 1500), 5, 10, 1, true);
    long buyer = SurgeIds.next();
    Shop.purchase(sale, buyer, null, Map.of())
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    Shop.purchase(sale, buyer, "q0", Map.of("quantity", 0)).then().statusCode(400);
    Shop.purchase(sale, buyer, "q11", Map.of("quantity", 11)).then().statusCode(400);
    Shop.purchase(SurgeIds.next(), buyer).then().statusCode(404);
    io.restassured.RestAssured.given()
        .contentType("application/json")
        .header("Idempotency-Key", "anon")
        .body(Map.of())
        .post("/sales/{id}/purchases", sale)
        .then()
        .statusCode(401);
    assertEquals(5, Shop.remaining(redis(), sale, 1));
  }
}
