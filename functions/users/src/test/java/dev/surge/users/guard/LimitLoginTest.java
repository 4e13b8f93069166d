package dev.surge.users.guard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.users.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The login throttle (shared-guard LoginThrottle through UserService): the production limit of 10
 * failures per account, with a 3 s window so the test can wait it out.
 */
@QuarkusTest
@TestProfile(LimitLoginTest.ShortWindow.class)
class LimitLoginTest {
  public static class ShortWindow implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "surge.guard.login.max-account-failures", "10", "surge.guard.login.window", "3s");
    }
  }

  static Response logIn(String email, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/sessions");
  }

  @Test
  void wrongPasswordsGet429BeforeTheFortiethAndTheWindowEndsIt() throws InterruptedException {
    Accounts.Account account = Accounts.create();
    int attempt = 0;
    Response throttled = null;
    while (attempt < 39 && throttled == null) {
      attempt++;
      // Case and spaces do not escape the count: it is per normalised email.
      String email =
          attempt % 2 == 0 ? " " + account.email().toUpperCase(Locale.ROOT) : account.email();
      Response r = logIn(email, "wrong password " + attempt);
      if (r.statusCode() == 429) {
        throttled = r;
      } else {
        r.then().statusCode(401);
      }
    }
    assertTrue(throttled != null && attempt == 11, "429 at attempt " + attempt);
    throttled
        .then()
        .contentType("application/problem+json")
        .body("type", equalTo("urn:surge:problem:too-many-requests"))
        .header("Retry-After", matchesPattern("[1-3]"));
    // Throttled means throttled: the right password too, until the window ends.
    logIn(account.email(), Accounts.PASSWORD).then().statusCode(429);

    Thread.sleep(3_200);
    logIn(account.email(), Accounts.PASSWORD).then().statusCode(200);
  }

  @Test
  void aSuccessResetsTheAccount() {
    Accounts.Account account = Accounts.create();
    for (int i = 0; i < 9; i++) {
      logIn(account.email(), "wrong").then().statusCode(401);
    }
    logIn(account.email(), Accounts.PASSWORD).then().statusCode(200);
    for (int i = 0; i < 9; i++) {
      logIn(account.email(), "wrong").then().statusCode(401);
    }
  }
}
