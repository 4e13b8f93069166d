package dev.surge.posts.guard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.surge.guard.SwitchReader;
import dev.surge.guard.Switches;
import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The compose kill switch, flipped through one instance's admin endpoint, reaches that instance
 * (the app under test) and a second one within 2 s. The second instance is a SwitchReader on its
 * own Vert.x and its own Redis connection, refreshed on the production period: exactly what every
 * other pod runs, without starting a second function in the test.
 */
@QuarkusTest
class SwitchTest {
  private static final Duration WITHIN = Duration.ofSeconds(2);

  static void flip(String name, boolean on) {
    given()
        .auth()
        .oauth2(Tokens.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("on", on))
        .put("/admin/switches/{name}", name)
        .then()
        .statusCode(200)
        .body(name, equalTo(on));
  }

  static int compose() {
    return given()
        .auth()
        .oauth2(Tokens.forUser(SurgeIds.next()))
        .contentType(ContentType.JSON)
        .body(Map.of("text", "switch"))
        .post("/posts")
        .statusCode();
  }

  @AfterEach
  void off() {
    flip("compose", false);
  }

  @Test
  void composeOffReachesTwoInstancesWithinTwoSecondsAndReadsKeepWorking() {
    Vertx vertx = Vertx.vertx();
    RedisAPI other = RedisAPI.api(Redis.createClient(vertx, "redis://127.0.0.1:6379"));
    SwitchReader second =
        new SwitchReader(
            () ->
                other
                    .hgetall(Switches.KEY)
                    .map(
                        r -> {
                          Map<String, String> all = new HashMap<>();
                          r.getKeys().forEach(k -> all.put(k, r.get(k).toString()));
                          return all;
                        }),
            Duration.ofSeconds(1));
    long timer = vertx.setPeriodic(1000, t -> second.refresh().subscribe().with(x -> {}));
    try {
      flip("compose", true);
      await().atMost(WITHIN).until(() -> compose() == 503);
      await().atMost(WITHIN).until(() -> second.on("compose"));
      given()
          .auth()
          .oauth2(Tokens.forUser(SurgeIds.next()))
          .contentType(ContentType.JSON)
          .body(Map.of("text", "x"))
          .post("/posts")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", "30");
      given().get("/posts/{id}", SurgeIds.next()).then().statusCode(404);
      given().get("/users/{id}/posts", SurgeIds.next()).then().statusCode(200);

      flip("compose", false);
      await().atMost(WITHIN).until(() -> compose() == 201);
      await().atMost(WITHIN).until(() -> !second.on("compose"));
    } finally {
      vertx.cancelTimer(timer);
      vertx.closeAndAwait();
    }
  }

  @Test
  void theSwitchBoardIsForAdminsOnly() {
    given().get("/admin/switches").then().statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.forUser(SurgeIds.next()))
        .get("/admin/switches")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.admin())
        .get("/admin/switches")
        .then()
        .statusCode(200)
        .body("compose", equalTo(false));
    for (Object body : List.of(Map.of(), "{\"on\":\"yes\"}")) {
      given()
          .auth()
          .oauth2(Tokens.admin())
          .contentType(ContentType.JSON)
          .body(body)
          .put("/admin/switches/compose")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    given()
        .auth()
        .oauth2(Tokens.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("on", true))
        .put("/admin/switches/no-such")
        .then()
        .statusCode(404);
  }
}
