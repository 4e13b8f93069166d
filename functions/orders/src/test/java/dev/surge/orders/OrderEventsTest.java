package dev.surge.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.events.EventTypes;
import dev.surge.model.ids.SurgeIds;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each step of an order is an event on surge.orders.events, keyed by the buyer, in order. */
@QuarkusTest
class OrderEventsTest {

  @Test
  void reservedPlacedAndCancelledAreAnnouncedInOrder() {
    long buyer = SurgeIds.next();
    long sale = Shop.sale(PurchaseTest.REDIS, Shop.item(0, 1500), 3, 3, 1, true);
    long order = OrdersTest.saleOrder(buyer, sale);
    OrdersTest.as(buyer).post("/orders/{id}/cancel", order).then().statusCode(200);
    try (var kafka = new KafkaCompanion("127.0.0.1:9092")) {
      List<String> types =
          kafka
              .consumeStrings()
              .fromTopics(EventTypes.ORDERS_TOPIC, Duration.ofSeconds(6))
              .awaitCompletion()
              .getRecords()
              .stream()
              .filter(r -> Long.toString(buyer).equals(r.key()))
              .map(r -> r.value().replaceAll(".*\"type\":\"([^\"]+)\".*", "$1"))
              .toList();
      assertEquals(
          List.of(
              EventTypes.PURCHASE_RESERVED, EventTypes.ORDER_PLACED, EventTypes.ORDER_CANCELLED),
          types);
    }
  }
}
