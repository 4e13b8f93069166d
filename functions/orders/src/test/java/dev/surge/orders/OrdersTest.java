package dev.surge.orders;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading, paying and cancelling orders; the regular checkout; owner-only reads. */
@QuarkusTest
class OrdersTest {

  static RequestSpecification as(long user) {
    return given()
        .auth()
        .oauth2(Tokens.forUser(user))
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString());
  }

  /** A persisted flash-sale order of {@code buyer} in a new sale of 5 units; its id. */
  static long saleOrder(long buyer, long sale) {
    String id = Shop.purchase(sale, buyer).then().statusCode(202).extract().path("orderId");
    await().atMost(Duration.ofSeconds(10)).until(() -> Shop.status(Long.parseLong(id)) != null);
    return Long.parseLong(id);
  }

  static void pay(long buyer, long order, String token, int status) {
    as(buyer)
        .body(Map.of("method", "card", "token", token))
        .post("/orders/{id}/payments", order)
        .then()
        .statusCode(status);
  }

  @Test
  void ownerReadsAndListsOthersGet404() {
    long buyer = SurgeIds.next();
    long sale = Shop.sale(PurchaseTest.REDIS, Shop.item(0, 1500), 5, 5, 1, true);
    long first = saleOrder(buyer, sale);
    long second = saleOrder(buyer, sale);
    as(buyer)
        .get("/orders/{id}", first)
        .then()
        .statusCode(200)
        .header("Cache-Control", "private, no-cache")
        .body("status", equalTo("CONFIRMED"))
        .body("saleId", equalTo(Long.toString(sale)))
        .body("items[0].quantity", equalTo(1))
        .body("totalCents", equalTo(1500));
    as(SurgeIds.next())
        .get("/orders/{id}", first)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as(buyer).get("/orders/{id}", SurgeIds.next()).then().statusCode(404);
    String next =
        as(buyer)
            .get("/users/me/orders?limit=1")
            .then()
            .statusCode(200)
            .body("items", hasSize(1))
            .body("items[0].id", equalTo(Long.toString(second)))
            .extract()
            .path("next");
    as(buyer)
        .get("/users/me/orders?limit=1&cursor=" + next)
        .then()
        .body("items[0].id", equalTo(Long.toString(first)));
  }

  @Test
  void paidOnceThenEveryOtherTransitionIs409() {
    long buyer = SurgeIds.next();
    long order = saleOrder(buyer, Shop.sale(PurchaseTest.REDIS, Shop.item(0, 1500), 5, 5, 1, true));
    as(buyer)
        .body(Map.of("method", "card", "token", "tok_ok"))
        .post("/orders/{id}/payments", order)
        .then()
        .statusCode(200)
        .body("status", equalTo("PAID"));
    pay(buyer, order, "tok_ok", 409);
    as(buyer)
        .post("/orders/{id}/cancel", order)
        .then()
        .statusCode(409)
        .body("type", endsWith("invalid-transition"));
    assertEquals("PAID", Shop.status(order));
    pay(SurgeIds.next(), order, "tok_ok", 404);
  }

  @Test
  void declinedPaymentCancelsAndReturnsTheUnit() {
    long buyer = SurgeIds.next();
    long sale = Shop.sale(PurchaseTest.REDIS, Shop.item(0, 1500), 5, 5, 1, true);
    long order = saleOrder(buyer, sale);
    assertEquals(4, Shop.remaining(PurchaseTest.REDIS, sale, 1));
    as(buyer)
        .body(Map.of("method", "card", "token", "tok_declined"))
        .post("/orders/{id}/payments", order)
        .then()
        .statusCode(402)
        .contentType("application/problem+json")
        .body("type", endsWith("payment-declined"));
    assertEquals("CANCELLED", Shop.status(order));
    assertEquals(5, Shop.remaining(PurchaseTest.REDIS, sale, 1));
    as(buyer).post("/orders/{id}/cancel", order).then().statusCode(409);
    assertEquals(5, Shop.remaining(PurchaseTest.REDIS, sale, 1));
  }

  @Test
  void cancelReturnsTheUnitOnce() {
    long buyer = SurgeIds.next();
    long sale = Shop.sale(PurchaseTest.REDIS, Shop.item(0, 1500), 5, 5, 1, true);
    long order = saleOrder(buyer, sale);
    as(buyer)
        .post("/orders/{id}/cancel", order)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    as(buyer).post("/orders/{id}/cancel", order).then().statusCode(409);
    assertEquals(5, Shop.remaining(PurchaseTest.REDIS, sale, 1));
    assertEquals(
        1, Shop.scalar("select count(*) from orders where id = ? and units_returned", order));
  }

  @Test
  void checkoutTakesStockOnTheItemsShardAndGivesItBackOnCancel() {
    long buyer = SurgeIds.next();
    long a = Shop.item(3, 1000), b = Shop.item(1, 250);
    String id =
        as(buyer)
            .body(Map.of("items", List.of(item(a, 2), item(b, 1))))
            .post("/orders")
            .then()
            .statusCode(201)
            .body("status", equalTo("CONFIRMED"))
            .body("totalCents", equalTo(2250))
            .body("currency", equalTo("EUR"))
            .extract()
            .path("id");
    assertEquals(1, Shop.stockOf(a));
    assertEquals(0, Shop.stockOf(b));
    // b is gone: a's unit taken first is given back, nothing is stored.
    as(buyer)
        .body(Map.of("items", List.of(item(a, 1), item(b, 1))))
        .post("/orders")
        .then()
        .statusCode(409)
        .body("type", endsWith("out-of-stock"));
    assertEquals(1, Shop.stockOf(a));
    as(buyer).post("/orders/{id}/cancel", id).then().statusCode(200);
    assertEquals(3, Shop.stockOf(a));
    assertEquals(1, Shop.stockOf(b));
  }

  @Test
  void checkoutNeedsAnIdempotencyKeyAndValidLines() {
    long buyer = SurgeIds.next();
    long a = Shop.item(3, 1000);
    given()
        .auth()
        .oauth2(Tokens.forUser(buyer))
        .contentType(ContentType.JSON)
        .body(Map.of("items", List.of(item(a, 1))))
        .post("/orders")
        .then()
        .statusCode(400);
    for (Object items :
        List.of(
            List.of(),
            List.of(item(a, 0)),
            List.of(item(a, 1), item(a, 1)),
            List.of(Map.of("itemId", "x", "quantity", 1)))) {
      as(buyer).body(Map.of("items", items)).post("/orders").then().statusCode(400);
    }
    assertEquals(3, Shop.stockOf(a));
  }

  @Test
  void naiveBaselineTakesUnitsInPostgres() {
    long a = Shop.item(1, 1000);
    given().post("/bench/naive-purchase/{id}", a).then().statusCode(202);
    given()
        .post("/bench/naive-purchase/{id}", a)
        .then()
        .statusCode(409)
        .body("type", endsWith("sold-out"));
    assertEquals(0, Shop.stockOf(a));
  }

  static Map<String, Object> item(long id, int quantity) {
    return Map.of("itemId", Long.toString(id), "quantity", quantity);
  }
}
