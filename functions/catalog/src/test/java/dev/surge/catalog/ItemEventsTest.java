package dev.surge.catalog;

import static dev.surge.catalog.Admin.createItem;
import static dev.surge.catalog.Admin.patch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.catalog.ItemView;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.ItemChanged;
import dev.surge.testing.Consumers;
import dev.surge.testing.Publish;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every change is an item-changed event on the catalog topic, and that event drops caches. */
@QuarkusTest
class ItemEventsTest {

  @BeforeAll
  static void consumerCaughtUp() {
    Consumers.awaitCaughtUp("catalog", Duration.ofMinutes(2), EventTypes.CATALOG_TOPIC);
  }

  @Test
  void createAndPatchArePublishedKeyedByTheItem() {
    try (var kafka = new KafkaCompanion("127.0.0.1:9092")) {
      var records =
          kafka
              .consumeStrings()
              .withGroupId("test-" + UUID.randomUUID())
              .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
              .fromTopics(EventTypes.CATALOG_TOPIC);
      String id = createItem("Teapot");
      patch(id, Map.of("title", "Teapot, blue")).then().statusCode(200);
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  records.getRecords().stream()
                          .filter(r -> id.equals(r.key()))
                          .filter(r -> r.value().contains("\"type\":\"" + EventTypes.ITEM_CHANGED))
                          .count()
                      == 2);
      String last =
          records.getRecords().stream().filter(r -> id.equals(r.key())).toList().getLast().value();
      assertTrue(last.contains("Teapot, blue"), last);
      records.stop();
    }
  }

  @Test
  void aPatchIsSeenAtOnce() {
    String id = createItem("Jug");
    given().get("/items/{id}", id).then().statusCode(200).body("title", equalTo("Jug"));
    given().get("/items/{id}", id).then().statusCode(200).body("title", equalTo("Jug"));
    patch(id, Map.of("title", "Jug, large")).then().statusCode(200);
    given().get("/items/{id}", id).then().statusCode(200).body("title", equalTo("Jug, large"));
  }

  /**
   * The consumer's own effect, apart from the writer's invalidation: the row is changed behind the
   * function's back (the cache keeps the old copy), then an item-changed event alone drops it.
   */
  @Test
  void anItemChangedEventDropsTheCachedCopy() {
    String id = createItem("Bowl");
    given().get("/items/{id}", id).then().statusCode(200).body("title", equalTo("Bowl"));
    Admin.sql(
        "update items set title = 'Bowl, behind', version = version + 1 where id = ?",
        Long.parseLong(id));
    given().get("/items/{id}", id).then().statusCode(200).body("title", equalTo("Bowl"));
    try (var publish = new Publish()) {
      var view = new ItemView(id, "SKU", "Bowl, behind", "", 1299, "EUR", true);
      publish.event(EventTypes.CATALOG_TOPIC, EventTypes.ITEM_CHANGED, id, new ItemChanged(view));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertEquals(
                    "Bowl, behind",
                    given().get("/items/{id}", id).then().statusCode(200).extract().path("title")));
  }
}
