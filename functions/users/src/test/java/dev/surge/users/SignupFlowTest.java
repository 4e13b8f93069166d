package dev.surge.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.notNullValue;

import dev.surge.users.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignupFlowTest {

  @Test
  void signUpLogInReadAndEditAProfile() {
    String handle = Accounts.uniqueHandle();
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(Accounts.signupBody(handle))
            .post("/users")
            .then()
            .statusCode(201)
            .header("Location", matchesRegex(".*/users/\\d+$"))
            .body("handle", equalTo(handle))
            .body("bio", equalTo(""))
            .body("createdAt", notNullValue())
            .extract()
            .path("id");

    String token = Accounts.logIn(handle + "@example.com");

    given()
        .get("/users/{id}", id)
        .then()
        .statusCode(200)
        .body("displayName", equalTo("Test " + handle));

    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("displayName", "Renamed ✨", "bio", "line one\nline two"))
        .patch("/users/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("displayName", equalTo("Renamed ✨"))
        .body("bio", equalTo("line one\nline two"));

    given().get("/users/{id}", id).then().statusCode(200).body("displayName", equalTo("Renamed ✨"));
  }

  @Test
  void emailIsCaseInsensitiveForLogin() {
    var account = Accounts.create();
    Accounts.logIn(account.email().toUpperCase());
  }

  @Test
  void duplicateEmailIsAConflict() {
    var account = Accounts.create();
    Map<String, Object> body = new HashMap<>(Accounts.signupBody(Accounts.uniqueHandle()));
    body.put("email", account.email().toUpperCase());
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/users")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:surge:problem:conflict"))
        .body("status", equalTo(409));
  }

  @Test
  void duplicateHandleIgnoringCaseIsAConflict() {
    var account = Accounts.create();
    Map<String, Object> body = new HashMap<>(Accounts.signupBody(account.handle().toUpperCase()));
    body.put("email", Accounts.uniqueHandle() + "@example.com");
    given().contentType(ContentType.JSON).body(body).post("/users").then().statusCode(409);
  }

  @Test
  void unknownOrMalformedIdIsNotFound() {
    for (String id : new String[] {"1", "999999999999999999", "abc", "-5", "1e5"}) {
      given()
          .get("/users/{id}", id)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("status", equalTo(404));
    }
  }
}
