package dev.surge.users;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.surge.users.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileCacheTest {

  @Test
  void secondReadIsACacheHit() {
    var account = Accounts.create();
    given().get("/users/{id}", account.id()).then().statusCode(200).header("X-Cache", "miss");
    given()
        .get("/users/{id}", account.id())
        .then()
        .statusCode(200)
        .header("X-Cache", "hit")
        .header("X-Cache-Level", "l1");
  }

  @Test
  void theWritersTokenReadsPastEveryCacheLevel() {
    var account = Accounts.create();
    given().get("/users/{id}", account.id()).then().header("X-Cache", "miss");
    String token =
        given()
            .auth()
            .oauth2(account.token())
            .contentType(ContentType.JSON)
            .body(Map.of("displayName", "Renamed"))
            .patch("/users/me")
            .then()
            .statusCode(200)
            .extract()
            .header("X-Surge-Consistency");

    given()
        .header("X-Surge-Consistency", token)
        .get("/users/{id}", account.id())
        .then()
        .statusCode(200)
        .header("X-Cache-Level", "loader")
        .body("displayName", equalTo("Renamed"));
  }

  @Test
  void anUnknownIdIsAProblemEveryTime() {
    long unknown = dev.surge.model.ids.SurgeIds.next();
    for (int i = 0; i < 3; i++) {
      given()
          .get("/users/{id}", unknown)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
  }

  @Test
  void editInvalidatesTheCachedProfile() {
    var account = Accounts.create();
    given().get("/users/{id}", account.id()).then().header("X-Cache", "miss");
    given().get("/users/{id}", account.id()).then().header("X-Cache", "hit");

    given()
        .auth()
        .oauth2(account.token())
        .contentType(ContentType.JSON)
        .body(Map.of("bio", "fresh"))
        .patch("/users/me")
        .then()
        .statusCode(200);

    given()
        .get("/users/{id}", account.id())
        .then()
        .header("X-Cache", "miss")
        .body("bio", equalTo("fresh"));
    // Cached again: the next reads are hits, never the old bio. The edit's invalidation message
    // also comes back to this instance over pub/sub and may drop the fresh copy once more when it
    // arrives after the read above (a loaded machine), so the hit is awaited.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              var read = given().get("/users/{id}", account.id());
              read.then().body("bio", equalTo("fresh"));
              return "hit".equals(read.header("X-Cache"));
            });
  }
}
