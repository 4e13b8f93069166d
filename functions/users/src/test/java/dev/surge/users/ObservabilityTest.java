package dev.surge.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.surge.users.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObservabilityTest {

  @Test
  void readinessChecksTheShardsOnly() {
    // Redis and Kafka are shared dependencies the function serves without (DependenciesDownTest):
    // they report through metrics, not readiness.
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(containsString("Reactive PostgreSQL"))
        .body(not(containsString("Redis")))
        .body(not(containsString("Kafka")));
    given().get("/q/health/live").then().statusCode(200);
  }

  @Test
  void metricsIncludeHttpAndOutbox() {
    Accounts.create();
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("http_server_requests_seconds_count"))
        .body(containsString("surge_outbox_published_total"));
  }

  @Test
  void openApiDocumentDescribesTheEndpoints() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body(containsString("/users/{id}"))
        .body(containsString("/sessions"));
  }
}
