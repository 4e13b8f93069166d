package dev.surge.catalog;

import static dev.surge.catalog.Admin.createItem;
import static dev.surge.catalog.Admin.patch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /items: every item over every shard, newest first, in cursor pages with ETags. */
@QuarkusTest
class ItemListTest {

  /**
   * Pages start below a cursor just above the newest of our items: later items (other tests run
   * against the same database) have larger ids and cannot shift these pages.
   */
  @Test
  void listIsNewestFirstInPages() {
    String a = createItem("First");
    String b = createItem("Second");
    String c = createItem("Third");
    String start = Long.toString(Long.parseLong(c) + 1);
    var page = given().get("/items?limit=2&cursor=" + start).then().statusCode(200).extract();
    List<String> first = page.path("items.id");
    assertEquals(c, first.getFirst());
    List<String> seen = new ArrayList<>(first);
    String next = page.path("next");
    assertEquals(first.getLast(), next);
    while (!seen.contains(a)) {
      var more = given().get("/items?limit=2&cursor=" + next).then().statusCode(200).extract();
      List<String> ids = more.path("items.id");
      seen.addAll(ids);
      next = more.path("next");
    }
    // Newest first across pages: ids strictly decreasing, ours in creation order reversed.
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(Long.parseLong(seen.get(i - 1)) > Long.parseLong(seen.get(i)));
    }
    assertTrue(seen.indexOf(c) < seen.indexOf(b) && seen.indexOf(b) < seen.indexOf(a));

    String etag = page.header("ETag");
    given()
        .header("If-None-Match", etag)
        .get("/items?limit=2&cursor=" + start)
        .then()
        .statusCode(304);
    patch(c, Map.of("title", "Third, renamed")).then().statusCode(200);
    given()
        .header("If-None-Match", etag)
        .get("/items?limit=2&cursor=" + start)
        .then()
        .statusCode(200)
        .body("items[0].title", equalTo("Third, renamed"));
    given().get("/items").then().statusCode(200);
    given().get("/items?limit=0").then().statusCode(400).contentType("application/problem+json");
    given().get("/items?cursor=nope").then().statusCode(400);
  }
}
