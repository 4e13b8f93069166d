package dev.surge.posts;

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

/** Every public operation of posts against shared-testing's hostile-input table. */
@QuarkusTest
class HostileInputTest {
  static final String[] TABLES = {"posts", "posts_archive", "outbox_events"};

  static Operation operation(Routes.Route route, String method) {
    long me = SurgeIds.next();
    String token = Tokens.forUser(me);
    return switch (method + " " + route.path()) {
      case "POST /posts" ->
          Operation.of(route, method)
              .token(token)
              .body(
                  Map.of(
                      "text", "hello",
                      "mediaUrls", List.of("https://cdn.example/a.jpg"),
                      "mentions", List.of(Long.toString(SurgeIds.next()))))
              .ids("mentions");
      case "GET /posts/{id}" -> Operation.of(route, method).with("id", SurgeIds.next());
      case "DELETE /posts/{id}" ->
          Operation.of(route, method).token(token).with("id", SurgeIds.next());
      case "GET /users/{id}/posts" -> Operation.of(route, method).with("id", me).paged();
      case "POST /admin/posts/archive" -> Operation.of(route, method).token(Tokens.admin());
      default -> throw new IllegalStateException("no hostile cases for " + method + " " + route);
    };
  }

  @Test
  void everyOperationRefusesHostileInputAndWritesNothing() {
    var cases =
        Routes.ownedBy("posts").stream()
            .flatMap(r -> r.methods().stream().map(m -> operation(r, m)))
            .flatMap(op -> HostileInputs.cases(op).stream())
            .toList();
    List<String> failures = HostileRunner.run(RestAssured.port, cases, () -> Rows.in(TABLES));
    assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases failed");
  }
}
