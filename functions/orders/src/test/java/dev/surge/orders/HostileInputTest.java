package dev.surge.orders;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every public operation of orders against shared-testing's hostile-input table. */
@QuarkusTest
class HostileInputTest {
  static final String[] TABLES = {"orders", "order_lines", "outbox_events"};

  static Operation operation(Routes.Route route, String method) {
    long me = SurgeIds.next();
    String token = Tokens.forUser(me);
    return switch (method + " " + route.path()) {
      case "POST /sales/{id}/purchases" ->
          Operation.of(route, method)
              .token(token)
              .with("id", SurgeIds.next())
              .body(Map.of("quantity", 1));
      case "POST /orders" ->
          Operation.of(route, method)
              .token(token)
              .body(
                  Map.of(
                      "items",
                      List.of(Map.of("itemId", Long.toString(SurgeIds.next()), "quantity", 1))));
      case "GET /orders/{id}" ->
          Operation.of(route, method).token(token).with("id", SurgeIds.next());
      case "POST /orders/{id}/payments" ->
          Operation.of(route, method)
              .token(token)
              .with("id", SurgeIds.next())
              .body(Map.of("method", "card", "token", "tok_ok"));
      case "POST /orders/{id}/cancel" ->
          Operation.of(route, method).token(token).with("id", SurgeIds.next());
      case "GET /users/me/orders" -> Operation.of(route, method).token(token).paged();
      default -> throw new IllegalStateException("no hostile cases for " + method + " " + route);
    };
  }

  @Test
  void everyOperationRefusesHostileInputAndWritesNothing() {
    var cases =
        Routes.ownedBy("orders").stream()
            .flatMap(r -> r.methods().stream().map(m -> operation(r, m)))
            .flatMap(op -> HostileInputs.cases(op).stream())
            .toList();
    List<String> failures = HostileRunner.run(RestAssured.port, cases, () -> Rows.in(TABLES));
    assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases failed");
  }
}
