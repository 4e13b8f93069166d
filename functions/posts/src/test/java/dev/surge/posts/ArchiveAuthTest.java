package dev.surge.posts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The archive is an operator's command: a token in group admin, or a problem (nothing moved). */
@QuarkusTest
class ArchiveAuthTest {
  private static final String ARCHIVE = "/admin/posts/archive?olderThan=PT0S";

  @Test
  void withoutATokenIs401ProblemJson() {
    given()
        .post(ARCHIVE)
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
        .post(ARCHIVE)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:surge:problem:forbidden"));
  }
}
