package dev.surge.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surge.model.ids.SurgeIds;
import dev.surge.model.routes.Routes;
import dev.surge.testing.Tokens;
import dev.surge.testing.hostile.HostileInputs;
import dev.surge.testing.hostile.HostileRunner;
import dev.surge.testing.hostile.Operation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public operation of feed against shared-testing's hostile-input table. Its operations only
 * read: its tables are written by its event consumers (which may be catching up on other tests'
 * events meanwhile), so the row check is the writing functions' and here counts nothing.
 */
@QuarkusTest
class HostileInputTest {

  static Operation operation(Routes.Route route, String method) {
    Operation op = Operation.of(route, method).token(Tokens.forUser(SurgeIds.next()));
    return switch (route.path()) {
      case "/feed" -> op.paged();
      default -> throw new IllegalStateException("no hostile cases for " + route);
    };
  }

  @Test
  void everyOperationRefusesHostileInput() {
    var cases =
        Routes.ownedBy("feed").stream()
            .flatMap(r -> r.methods().stream().map(m -> operation(r, m)))
            .flatMap(op -> HostileInputs.cases(op).stream())
            .toList();
    List<String> failures = HostileRunner.run(RestAssured.port, cases, () -> 0);
    assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases failed");
  }
}
