package dev.surge.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.surge.users.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileCacheTest {

  @Test
  void secondReadIsACacheHit() {
    var account = Accounts.create();
    given().get("/users/{id}", account.id()).then().statusCode(200).header("X-Cache", "miss");
    given().get("/users/{id}", account.id()).then().statusCode(200).header("X-Cache", "hit");
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
    given()
        .get("/users/{id}", account.id())
        .then()
        .header("X-Cache", "hit")
        .body("bio", equalTo("fresh"));
  }
}
