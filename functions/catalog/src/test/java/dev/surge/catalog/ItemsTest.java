package dev.surge.catalog;

import static dev.surge.catalog.Admin.asAdmin;
import static dev.surge.catalog.Admin.createItem;
import static dev.surge.catalog.Admin.item;
import static dev.surge.catalog.Admin.patch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Items: created and changed by admins only, read by anyone with ETags. */
@QuarkusTest
class ItemsTest {
  // Every bad body carries it as sku or title (whichever is not under test): none may be stored.
  private static final String MARKER = "BAD-" + System.nanoTime();

  @Test
  void createReadPatchWithETags() {
    var created =
        asAdmin()
            .body(item("Mug"))
            .post("/admin/items")
            .then()
            .statusCode(201)
            .body("title", equalTo("Mug"))
            .body("priceCents", equalTo(1299))
            .body("currency", equalTo("EUR"))
            .body("available", equalTo(true))
            .body("$", not(hasKey("stock")))
            .extract();
    String id = created.path("id");
    assertEquals(true, created.header("Location").endsWith("/items/" + id));
    assertEquals(40, Admin.scalar("select stock from items where id = ?", Long.parseLong(id)));

    String etag =
        given()
            .get("/items/{id}", id)
            .then()
            .statusCode(200)
            .header("Cache-Control", "public, max-age=5, must-revalidate")
            .body("description", equalTo("Stoneware.\nHolds 350 ml."))
            .extract()
            .header("ETag");
    given().header("If-None-Match", etag).get("/items/{id}", id).then().statusCode(304);

    patch(id, Map.of("priceCents", 999, "stock", 0))
        .then()
        .statusCode(200)
        .body("priceCents", equalTo(999))
        .body("available", equalTo(false))
        .body("title", equalTo("Mug"));
    String after =
        given()
            .header("If-None-Match", etag)
            .get("/items/{id}", id)
            .then()
            .statusCode(200)
            .body("priceCents", equalTo(999))
            .body("available", equalTo(false))
            .extract()
            .header("ETag");
    assertNotEquals(etag, after);
    assertEquals(2, Admin.scalar("select version from items where id = ?", Long.parseLong(id)));
  }

  @Test
  void adminsOnly() {
    String id = createItem("Kettle");
    given()
        .contentType(ContentType.JSON)
        .body(item("x"))
        .post("/admin/items")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:surge:problem:unauthenticated"));
    given()
        .auth()
        .oauth2(Tokens.forUser(42))
        .contentType(ContentType.JSON)
        .body(item("x"))
        .post("/admin/items")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:surge:problem:forbidden"));
    given()
        .auth()
        .oauth2(Tokens.forUser(42))
        .contentType(ContentType.JSON)
        .body(Map.of("title", "stolen"))
        .patch("/admin/items/{id}", id)
        .then()
        .statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "stolen"))
        .patch("/admin/items/{id}", id)
        .then()
        .statusCode(401);
    given().get("/items/{id}", id).then().statusCode(200).body("title", equalTo("Kettle"));
  }

  @Test
  void badItemsAreProblemsAndStoreNothing() {
    List<Map<String, Object>> bad =
        List.of(
            with("sku", ""),
            with("sku", "has space"),
            with("sku", "x".repeat(65)),
            with("title", ""),
            with("title", "t".repeat(201)),
            with("description", "d".repeat(2001)),
            with("priceCents", -1),
            with("priceCents", 1_000_000_000_001L),
            with("currency", "eur"),
            with("currency", "EURO"),
            with("currency", "E1R"),
            with("stock", -1),
            with("stock", 1_000_000_001),
            with("stock", 2.5),
            with("priceCents", "1299"),
            with("unknown", "field"),
            without("sku"),
            without("priceCents"),
            without("stock"));
    for (Map<String, Object> body : bad) {
      asAdmin()
          .body(body)
          .post("/admin/items")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    String id = createItem("Plate");
    for (Map<String, Object> body :
        List.of(
            Map.<String, Object>of(),
            Map.<String, Object>of("currency", "usd"),
            Map.<String, Object>of("stock", -5),
            Map.<String, Object>of("priceCents", 1.5))) {
      patch(id, body).then().statusCode(400).contentType("application/problem+json");
    }
    patch(Long.toString(dev.surge.model.ids.SurgeIds.next()), Map.of("title", "nobody"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    assertEquals(
        0, Admin.scalar("select count(*) from items where sku = ? or title = ?", MARKER, MARKER));
    assertEquals(1, Admin.scalar("select version from items where id = ?", Long.parseLong(id)));
    given().get("/items/{id}", "12x").then().statusCode(404);
    given()
        .get("/items/{id}", dev.surge.model.ids.SurgeIds.next())
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", endsWith("not-found"));
  }

  /** A valid item whose sku and title are the marker, with one field changed. */
  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = new HashMap<>(item(MARKER));
    body.put("sku", MARKER);
    body.put(field, value);
    return body;
  }

  private static Map<String, Object> without(String field) {
    Map<String, Object> body = with("sku", MARKER);
    body.remove(field);
    return body;
  }
}
