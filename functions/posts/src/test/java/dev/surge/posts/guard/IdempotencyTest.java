package dev.surge.posts.guard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.LocalShards;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST /posts (routes.yaml: idempotency optional), rows counted in the DB. */
@QuarkusTest
class IdempotencyTest {

  static Response compose(String token, String key, String text) {
    return given()
        .auth()
        .oauth2(token)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(Map.of("text", text))
        .post("/posts");
  }

  static long rows(long author) {
    return LocalShards.scalar(5432, "select count(*) from posts where author_id = " + author);
  }

  @Test
  void sameKeyTwiceIsOnePostAndTheSameAnswer() {
    long author = SurgeIds.next();
    String token = Tokens.forUser(author);
    String key = "\"" + UUID.randomUUID() + "\"";
    Response first = compose(token, key, "once");
    first.then().statusCode(201);
    Response again = compose(token, key, "once");
    again
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .header("Location", first.header("Location"))
        .body("id", equalTo(first.path("id")));
    assertEquals(1, rows(author));

    compose(token, key, "another body")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:surge:problem:idempotency-key-reused"));
    assertEquals(1, rows(author));
  }

  @Test
  void theKeyBelongsToItsCaller() {
    String key = UUID.randomUUID().toString();
    long one = SurgeIds.next();
    long other = SurgeIds.next();
    compose(Tokens.forUser(one), key, "mine").then().statusCode(201);
    compose(Tokens.forUser(other), key, "mine").then().statusCode(201);
    assertEquals(1, rows(one));
    assertEquals(1, rows(other));
  }

  @Test
  void concurrentRetriesMakeOnePost() {
    long author = SurgeIds.next();
    String token = Tokens.forUser(author);
    String key = UUID.randomUUID().toString();
    List<CompletableFuture<Integer>> retries = new ArrayList<>();
    // Threads of our own: they inherit the test's class loader (the common pool's do not).
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int i = 0; i < 4; i++) {
        retries.add(
            CompletableFuture.supplyAsync(() -> compose(token, key, "race").statusCode(), threads));
      }
    } finally {
      threads.shutdown();
    }
    List<Integer> statuses = retries.stream().map(CompletableFuture::join).toList();
    // Each one either ran, was replayed (201) or met the first still running (409).
    assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
    assertTrue(statuses.contains(201), statuses.toString());
    assertEquals(1, rows(author));
  }

  @Test
  void badKeysAre400AndNoKeyStillWorks() {
    long author = SurgeIds.next();
    String token = Tokens.forUser(author);
    compose(token, "x".repeat(256), "long key")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    compose(token, "\"\"", "empty key").then().statusCode(400);
    assertEquals(0, rows(author));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("text", "no key"))
        .post("/posts")
        .then()
        .statusCode(201);
  }
}
