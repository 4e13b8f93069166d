package dev.surge.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.ids.SurgeIds;
import dev.surge.model.routes.Routes;
import dev.surge.testing.Tokens;
import dev.surge.testing.hostile.HostileInputs;
import dev.surge.testing.hostile.HostileRunner;
import dev.surge.testing.hostile.Operation;
import dev.surge.testing.hostile.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every public operation of catalog against shared-testing's hostile-input table. */
@QuarkusTest
class HostileInputTest {
  static final String[] TABLES = {"items", "sales", "outbox_events"};

  static Operation operation(Routes.Route route, String method) {
    String admin = Tokens.admin();
    Instant now = Instant.now();
    return switch (method + " " + route.path()) {
      case "GET /items" -> Operation.of(route, method).paged();
      case "GET /items/{id}" -> Operation.of(route, method).with("id", SurgeIds.next());
      case "POST /admin/items" ->
          Operation.of(route, method)
              .token(admin)
              .body(
                  Map.of(
                      "sku", "MUG-1",
                      "title", "Mug",
                      "description", "Stoneware",
                      "priceCents", 1299,
                      "currency", "EUR",
                      "stock", 40));
      case "PATCH /admin/items/{id}" ->
          Operation.of(route, method)
              .token(admin)
              .with("id", SurgeIds.next())
              .body(Map.of("title", "Mug", "priceCents", 999, "stock", 3));
      case "POST /admin/sales" ->
          Operation.of(route, method)
              .token(admin)
              .body(
                  Map.of(
                      "itemId",
                      Long.toString(SurgeIds.next()),
                      "quantity",
                      500,
                      "priceCents",
                      999,
                      "startsAt",
                      now.toString(),
                      "endsAt",
                      now.plusSeconds(3600).toString(),
                      "perUserLimit",
                      2))
              .ids("itemId");
      case "GET /sales/{id}" -> Operation.of(route, method).with("id", SurgeIds.next());
      default -> throw new IllegalStateException("no hostile cases for " + method + " " + route);
    };
  }

  @Test
  void everyOperationRefusesHostileInputAndWritesNothing() {
    var cases =
        Routes.ownedBy("catalog").stream()
            .flatMap(r -> r.methods().stream().map(m -> operation(r, m)))
            .flatMap(op -> HostileInputs.cases(op).stream())
            .toList();
    List<String> failures = HostileRunner.run(RestAssured.port, cases, () -> Rows.in(TABLES));
    assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases failed");
  }
}
