package dev.surge.orders;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.events.EventTypes;
import dev.surge.model.events.PurchaseReserved;
import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Publish;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The same reservation delivered twice (a redelivery, or a re-publication by the reconciliation
 * with another event id) is one order; a reservation naming an order off the buyer's shard is
 * refused as poison.
 */
@QuarkusTest
class DeliveryTest {

  static void deliver(String eventId, PurchaseReserved data, int status) {
    given()
        .contentType(Publish.STRUCTURED)
        .body(Publish.json(eventId, EventTypes.PURCHASE_RESERVED, data.userId(), data))
        .post("/events")
        .then()
        .statusCode(status);
  }

  @Test
  void theSameReservationTwiceIsOneOrder() {
    long buyer = SurgeIds.next();
    long sale = SurgeIds.next();
    long order = SurgeIds.next(SurgeIds.shardOf(buyer));
    PurchaseReserved r =
        new PurchaseReserved(
            Long.toString(order),
            Long.toString(sale),
            0,
            Long.toString(buyer),
            Long.toString(Shop.item(0, 900)),
            2,
            900,
            Instant.now());
    String id = UUID.randomUUID().toString();
    deliver(id, r, 202);
    deliver(id, r, 202);
    deliver(UUID.randomUUID().toString(), r, 202);
    assertEquals(1, Shop.ordersOfSale(sale));
    assertEquals(1800, Shop.scalar("select total_cents from orders where id = ?", order));
    assertEquals(1, Shop.scalar("select count(*) from order_lines where order_id = ?", order));
  }

  @Test
  void anOrderOffTheBuyersShardIsPoison() {
    long buyer = SurgeIds.next();
    long order = SurgeIds.next((SurgeIds.shardOf(buyer) + 1) % SurgeIds.SHARDS);
    PurchaseReserved r =
        new PurchaseReserved(
            Long.toString(order), "1", 0, Long.toString(buyer), "1", 1, 100, Instant.now());
    deliver(UUID.randomUUID().toString(), r, 400);
    assertEquals(0, Shop.scalar("select count(*) from orders where id = ?", order));
  }
}
