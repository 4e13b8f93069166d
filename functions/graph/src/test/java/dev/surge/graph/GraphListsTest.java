package dev.surge.graph;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GraphListsTest {

  @Test
  void followersPageNewestFirstWithCursors() {
    long star = SurgeIds.next();
    long[] ids = new long[6];
    ids[5] = star;
    for (int i = 0; i < 5; i++) {
      ids[i] = SurgeIds.next();
    }
    // Only edges between known users are listed (KnownUsersTest).
    SignUps.known(ids);
    List<String> fans = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long fan = ids[i];
      fans.add(Long.toString(fan));
      given()
          .auth()
          .oauth2(Tokens.forUser(fan))
          .put("/users/{id}/following/{t}", fan, star)
          .then()
          .statusCode(204);
    }
    var first = given().get("/users/{id}/followers?limit=2", star).then().statusCode(200);
    first.body("items", hasSize(2)).body("next", notNullValue());
    List<String> seen = new ArrayList<>(first.extract().jsonPath().getList("items.userId"));
    String next = first.extract().path("next");
    while (next != null) {
      var page = given().queryParam("cursor", next).get("/users/{id}/followers?limit=2", star);
      seen.addAll(page.jsonPath().getList("items.userId"));
      next = page.path("next");
    }
    assertEquals(5, new HashSet<>(seen).size());
    assertEquals(fans.getLast(), seen.getFirst(), "newest first");
  }

  @Test
  void listsCarryAnETagAndAnswer304WhenUnchanged() {
    long user = SurgeIds.next();
    String etag =
        given()
            .get("/users/{id}/following", user)
            .then()
            .statusCode(200)
            .header("Cache-Control", "public, max-age=5, must-revalidate")
            .body("next", nullValue())
            .extract()
            .header("ETag");
    given().header("If-None-Match", etag).get("/users/{id}/following", user).then().statusCode(304);
  }

  @Test
  void badCursorsAndLimitsAreProblems() {
    long user = SurgeIds.next();
    given()
        .get("/users/{id}/followers?cursor=%%%", user)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .get("/users/{id}/followers?limit=0", user)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .get("/users/{id}/followers?limit=abc", user)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
