package dev.surge.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.users.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthTest {

  static ValidatableResponse logIn(String email, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/sessions")
        .then();
  }

  static void assertUnauthenticated(ValidatableResponse response) {
    response
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:surge:problem:unauthenticated"))
        .body("status", equalTo(401));
  }

  @Test
  void wrongPasswordAndUnknownEmailLookTheSame() {
    var account = Accounts.create();
    String wrongPassword = logIn(account.email(), "not the password").extract().body().asString();
    String unknownEmail =
        logIn("nobody-" + account.handle() + "@example.com", "whatever pw")
            .extract()
            .body()
            .asString();
    assertTrue(wrongPassword.equals(unknownEmail), wrongPassword + " vs " + unknownEmail);
    assertUnauthenticated(logIn(account.email(), "not the password"));
  }

  /** Not a benchmark: a coarse guard that an unknown email still pays for one bcrypt. */
  @Test
  void unknownEmailCostsAboutAsMuchAsAWrongPassword() {
    var account = Accounts.create();
    long wrong = medianMillis(() -> logIn(account.email(), "not the password"));
    long unknown =
        medianMillis(() -> logIn("ghost-" + account.handle() + "@example.com", "not the password"));
    assertTrue(
        unknown * 3 > wrong, "unknown " + unknown + " ms vs wrong password " + wrong + " ms");
  }

  private static long medianMillis(Runnable call) {
    long[] samples = new long[5];
    for (int i = 0; i < samples.length; i++) {
      long start = System.nanoTime();
      call.run();
      samples[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(samples);
    return samples[samples.length / 2];
  }

  @Test
  void patchWithoutTokenIs401() {
    assertUnauthenticated(
        given().contentType(ContentType.JSON).body(Map.of("bio", "x")).patch("/users/me").then());
  }

  @Test
  void patchWithGarbageTokenIs401() {
    assertUnauthenticated(
        given()
            .auth()
            .oauth2("not.a.jwt")
            .contentType(ContentType.JSON)
            .body(Map.of("bio", "x"))
            .patch("/users/me")
            .then());
  }

  @Test
  void patchWithTokenFromAnotherKeyIs401() throws NoSuchAlgorithmException {
    var account = Accounts.create();
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String forged =
        Jwt.issuer("https://surge.dev/users")
            .subject(account.id())
            .upn(account.id())
            .sign(generator.generateKeyPair().getPrivate());
    assertUnauthenticated(
        given()
            .auth()
            .oauth2(forged)
            .contentType(ContentType.JSON)
            .body(Map.of("bio", "hijacked"))
            .patch("/users/me")
            .then());
    given().get("/users/{id}", account.id()).then().body("bio", equalTo(""));
  }

  @Test
  void emptyPatchIs400() {
    var account = Accounts.create();
    given()
        .log()
        .ifValidationFails()
        .auth()
        .oauth2(account.token())
        .contentType(ContentType.JSON)
        .body("{}")
        .patch("/users/me")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
