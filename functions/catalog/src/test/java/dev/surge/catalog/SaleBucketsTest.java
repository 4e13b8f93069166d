package dev.surge.catalog;

import static dev.surge.catalog.Admin.asAdmin;
import static dev.surge.catalog.Admin.createItem;
import static dev.surge.catalog.Admin.sale;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.catalog.SaleKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** With surge.catalog.sale-buckets=3 a sale's stock is split over three slots. */
@QuarkusTest
@TestProfile(SaleBucketsTest.ThreeBuckets.class)
class SaleBucketsTest {

  public static class ThreeBuckets implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("surge.catalog.sale-buckets", "3");
    }
  }

  /** The Redis the function uses in this class's profile. */
  int redisPort() {
    return 6379;
  }

  private String redis(String... command) {
    return Admin.redisAt(redisPort(), command);
  }

  @Test
  void stockIsSplitEvenlyRemainderFirstAndRemainingSumsTheBuckets() {
    String item = createItem("Headphones");
    String id =
        asAdmin()
            .body(sale(item, 100))
            .post("/admin/sales")
            .then()
            .statusCode(201)
            .body("remaining", equalTo(100))
            .extract()
            .path("id");
    long sale = Long.parseLong(id);
    assertEquals("34", redis("GET", SaleKeys.stock(sale, 0)));
    assertEquals("33", redis("GET", SaleKeys.stock(sale, 1)));
    assertEquals("33", redis("GET", SaleKeys.stock(sale, 2)));
    for (int bucket = 0; bucket < 3; bucket++) {
      assertEquals("3", redis("HGET", SaleKeys.definition(sale, bucket), "buckets"));
      assertEquals("100", redis("HGET", SaleKeys.definition(sale, bucket), "quantity"));
      assertEquals(item, redis("HGET", SaleKeys.definition(sale, bucket), "item"));
    }
    assertEquals(3, Admin.scalar("select buckets from sales where id = ?", sale));
    given().get("/sales/{id}", id).then().statusCode(200).body("remaining", equalTo(100));
    redis("DECRBY", SaleKeys.stock(sale, 1), "3");
    redis("DECR", SaleKeys.stock(sale, 2));
    Awaitility.await()
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                given()
                    .get("/sales/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("remaining", equalTo(96)));
  }
}
