package dev.surge.posts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostsTest {

  static String compose(long author, String text) {
    return given()
        .auth()
        .oauth2(Tokens.forUser(author))
        .contentType(ContentType.JSON)
        .body(Map.of("text", text, "mediaUrls", List.of("https://cdn.example/a.jpg")))
        .post("/posts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void composeReadWithETagAndDeleteByTheAuthorOnly() {
    long author = SurgeIds.next();
    String id = compose(author, "hello world");
    String etag =
        given()
            .get("/posts/{id}", id)
            .then()
            .statusCode(200)
            .header("Cache-Control", "public, max-age=60")
            .body("authorId", equalTo(Long.toString(author)))
            .body("mediaUrls[0]", equalTo("https://cdn.example/a.jpg"))
            .extract()
            .header("ETag");
    given().header("If-None-Match", etag).get("/posts/{id}", id).then().statusCode(304);

    given()
        .auth()
        .oauth2(Tokens.forUser(SurgeIds.next()))
        .delete("/posts/{id}", id)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given().auth().oauth2(Tokens.forUser(author)).delete("/posts/{id}", id).then().statusCode(204);
    given().get("/posts/{id}", id).then().statusCode(404).contentType("application/problem+json");
    given().auth().oauth2(Tokens.forUser(author)).delete("/posts/{id}", id).then().statusCode(404);
  }

  @Test
  void badPostsAreProblemsAndStoreNothing() {
    long author = SurgeIds.next();
    String token = Tokens.forUser(author);
    List<Object> bodies =
        List.of(
            Map.of("text", ""),
            Map.of("text", "é".repeat(2001)),
            Map.of("text", "x", "mediaUrls", List.of("http://plain.example/a.jpg")),
            Map.of(
                "text",
                "x",
                "mentions",
                List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")),
            Map.of("text", "x", "mentions", List.of("bob")),
            Map.of("text", "x", "author", "someone-else"),
            "not json");
    for (Object body : bodies) {
      given()
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body(body)
          .post("/posts")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    given()
        .get("/users/{id}/posts", author)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("text", "x"))
        .post("/posts")
        .then()
        .statusCode(401);
    given().get("/posts/{id}", "nope").then().statusCode(404);
  }
}
