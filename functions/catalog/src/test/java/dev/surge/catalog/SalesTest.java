package dev.surge.catalog;

import static dev.surge.catalog.Admin.asAdmin;
import static dev.surge.catalog.Admin.createItem;
import static dev.surge.catalog.Admin.redis;
import static dev.surge.catalog.Admin.sale;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.catalog.SaleKeys;
import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Flash sales: their keys in Redis as SaleKeys lays them out, and what is left of them. */
@QuarkusTest
class SalesTest {

  @Test
  void createWritesTheKeysAndRemainingFollowsRedis() {
    String item = createItem("Console");
    Map<String, Object> body = sale(item, 500);
    var created =
        asAdmin()
            .body(body)
            .post("/admin/sales")
            .then()
            .statusCode(201)
            .body("itemId", equalTo(item))
            .body("quantity", equalTo(500))
            .body("remaining", equalTo(500))
            .body("perUserLimit", equalTo(2))
            .extract();
    String id = created.path("id");
    long sale = Long.parseLong(id);
    assertTrue(created.header("Location").endsWith("/sales/" + id));
    assertEquals(SurgeIds.shardOf(Long.parseLong(item)), SurgeIds.shardOf(sale));

    assertEquals("500", redis("GET", SaleKeys.stock(sale, 0)));
    assertEquals(item, redis("HGET", SaleKeys.definition(sale, 0), "item"));
    assertEquals("999", redis("HGET", SaleKeys.definition(sale, 0), "price"));
    assertEquals("2", redis("HGET", SaleKeys.definition(sale, 0), "limit"));
    assertEquals("500", redis("HGET", SaleKeys.definition(sale, 0), "quantity"));
    assertEquals("1", redis("HGET", SaleKeys.definition(sale, 0), "buckets"));
    long ends = Instant.parse((String) body.get("endsAt")).toEpochMilli();
    assertEquals(Long.toString(ends), redis("HGET", SaleKeys.definition(sale, 0), "ends"));
    // Kept some days past the end, then gone by themselves.
    long ttl = Long.parseLong(redis("PTTL", SaleKeys.stock(sale, 0)));
    assertTrue(ttl > Duration.ofDays(6).toMillis(), "stock TTL " + ttl);
    assertTrue(Long.parseLong(redis("PTTL", SaleKeys.definition(sale, 0))) > 0);
    assertEquals(1, Admin.scalar("select count(*) from sales where id = ?", sale));

    given()
        .get("/sales/{id}", id)
        .then()
        .statusCode(200)
        .body("remaining", equalTo(500))
        .body("startsAt", equalTo(millis(body.get("startsAt"))))
        .body("endsAt", equalTo(millis(body.get("endsAt"))));
    // A purchase as orders' script would make it: remaining follows within a second.
    redis("DECRBY", SaleKeys.stock(sale, 0), "7");
    Awaitility.await()
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                given()
                    .get("/sales/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("remaining", equalTo(493)));
  }

  @Test
  void badSalesAreProblemsAndStoreNothing() {
    String item = createItem("Camera");
    long before =
        Admin.scalar("select count(*) from sales where item_id = ?", Long.parseLong(item));
    Instant now = Instant.now();
    List<Map<String, Object>> bad =
        List.of(
            with(item, "quantity", 0),
            with(item, "quantity", 10_000_001),
            with(item, "perUserLimit", 0),
            with(item, "priceCents", -1),
            with(item, "endsAt", now.minusSeconds(120).toString()),
            with(item, "endsAt", now.minusSeconds(30).toString()),
            with(item, "startsAt", "tomorrow"),
            with(item, "startsAt", 1767225600),
            with(item, "itemId", Long.toString(SurgeIds.next())),
            with(item, "itemId", "12ab"),
            with(item, "quantity", "5"));
    for (Map<String, Object> body : bad) {
      asAdmin()
          .body(body)
          .post("/admin/sales")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertEquals(
        before, Admin.scalar("select count(*) from sales where item_id = ?", Long.parseLong(item)));
    given()
        .auth()
        .oauth2(Tokens.forUser(7))
        .contentType(ContentType.JSON)
        .body(sale(item, 5))
        .post("/admin/sales")
        .then()
        .statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body(sale(item, 5))
        .post("/admin/sales")
        .then()
        .statusCode(401);
    given()
        .get("/sales/{id}", SurgeIds.next())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  /** Instants are kept to the millisecond (Redis holds epoch milliseconds). */
  private static String millis(Object instant) {
    return Instant.parse((String) instant)
        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
        .toString();
  }

  private static Map<String, Object> with(String item, String field, Object value) {
    Map<String, Object> body = new HashMap<>(sale(item, 5));
    body.put(field, value);
    return body;
  }
}
