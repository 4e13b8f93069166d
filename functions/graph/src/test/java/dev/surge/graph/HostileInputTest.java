package dev.surge.graph;

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
import org.junit.jupiter.api.Test;

/** Every public operation of graph against shared-testing's hostile-input table. */
@QuarkusTest
class HostileInputTest {
  static final String[] TABLES = {
    "graph_following", "graph_followers", "graph_counts", "outbox_events"
  };

  static Operation operation(Routes.Route route, String method) {
    long me = SurgeIds.next();
    Operation op = Operation.of(route, method).with("id", me);
    return switch (route.path()) {
      case "/users/{id}/following/{target}" ->
          op.token(Tokens.forUser(me)).with("target", SurgeIds.next());
      case "/users/{id}/following", "/users/{id}/followers" -> op.paged();
      case "/users/{id}/graph" -> op;
      default -> throw new IllegalStateException("no hostile cases for " + route);
    };
  }

  @Test
  void everyOperationRefusesHostileInputAndWritesNothing() {
    var cases =
        Routes.ownedBy("graph").stream()
            .flatMap(r -> r.methods().stream().map(m -> operation(r, m)))
            .flatMap(op -> HostileInputs.cases(op).stream())
            .toList();
    List<String> failures = HostileRunner.run(RestAssured.port, cases, () -> Rows.in(TABLES));
    assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases failed");
  }
}
