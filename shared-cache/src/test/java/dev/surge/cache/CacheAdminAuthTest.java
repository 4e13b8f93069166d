package dev.surge.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The Bloom rebuild is an operator's command: a token in group admin, or a problem. */
@QuarkusTest
class CacheAdminAuthTest {
  private static final String REBUILD = "/admin/caches/items/bloom/rebuild";

  @Test
  void withoutATokenIs401ProblemJson() {
    given()
        .post(REBUILD)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:surge:problem:unauthenticated"));
  }

  @Test
  void aUsersTokenIs403ProblemJson() {
    given()
        .auth()
        .oauth2(Tokens.forUser(42))
        .post(REBUILD)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:surge:problem:forbidden"));
  }
}
