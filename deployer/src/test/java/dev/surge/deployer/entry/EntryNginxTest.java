package dev.surge.deployer.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.surge.model.routes.Routes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered entry run by the real nginx in front of stand-in functions. */
class EntryNginxTest {
  static final List<String> FUNCTIONS =
      List.of("users", "graph", "posts", "feed", "recommendations", "catalog", "orders");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static StandIns standIns;
  static NginxProcess entry;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        Files.isExecutable(NginxProcess.BINARY),
        "nginx is not installed (dev/entry up installs it): entry tests skipped");
    standIns = new StandIns(FUNCTIONS);
    entry = new NginxProcess(tmp.resolve("main"), "1000r/s", 1000, standIns.upstreams(), table());
  }

  @AfterAll
  static void stop() throws Exception {
    if (entry != null) {
      entry.close();
    }
    if (standIns != null) {
      standIns.close();
    }
  }

  static List<EntryRoutes> table() {
    return EntryRoutes.of(Routes.all(), Routes.internal());
  }

  static HttpResponse<String> send(
      int port, String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every (route, method) of the table the entry does not hand to the route's owner. */
  static List<String> misrouted(int port, List<Routes.Route> expected) throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Routes.Route r : expected) {
      String path = r.path().replaceAll("\\{[^}]+}", "42");
      for (String method : r.methods()) {
        var res = send(port, method, path, method.equals("GET") ? null : "{}");
        String by = res.headers().firstValue("X-Answered-By").orElse("status " + res.statusCode());
        if (res.statusCode() != 200 || !by.equals(r.function())) {
          wrong.add(method + " " + r.path() + " -> " + by + " (owner " + r.function() + ")");
        }
      }
    }
    return wrong;
  }

  static void assertProblem(HttpResponse<String> res, int status) {
    assertEquals(status, res.statusCode(), res.body());
    assertEquals("application/problem+json", res.headers().firstValue("Content-Type").orElse(""));
    assertTrue(res.body().contains("\"status\":" + status), res.body());
    assertTrue(res.body().startsWith("{\"type\":\"urn:surge:problem:"), res.body());
    assertTrue(res.headers().firstValue("X-Request-Id").isPresent(), "X-Request-Id on errors too");
  }

  @Test
  void everyRouteReachesItsOwnerWithEachListedMethod() throws Exception {
    assertEquals(List.of(), misrouted(entry.port, Routes.all()));
  }

  @Test
  void aSeededMisroutingIsCaught() throws Exception {
    // A copied table where graph, not posts, owns /users/{id}/posts: the check must name it.
    List<Routes.Route> seeded =
        Routes.all().stream()
            .map(
                r ->
                    r.path().equals("/users/{id}/posts")
                        ? new Routes.Route(
                            r.path(),
                            r.methods(),
                            "graph",
                            r.auth(),
                            r.limit(),
                            r.idempotency(),
                            null)
                        : r)
            .toList();
    try (var wrong =
        new NginxProcess(
            tmp.resolve("seeded"),
            "1000r/s",
            1000,
            standIns.upstreams(),
            EntryRoutes.of(seeded, Routes.internal()))) {
      assertEquals(
          List.of("GET /users/{id}/posts -> graph (owner posts)"),
          misrouted(wrong.port, Routes.all()));
    }
  }

  @Test
  void internalAndUnknownPathsAre404Problems() throws Exception {
    for (String path :
        List.of(
            "/q/metrics",
            "/q/health",
            "/q/openapi",
            "/events",
            "/admin/caches/x/bloom/rebuild",
            "/admin/switches",
            "/ping",
            "/nope",
            "/users/",
            "/users/1/x",
            "/_surge/problem/404")) {
      String method = path.startsWith("/admin") ? "POST" : "GET";
      assertProblem(send(entry.port, method, path, null), 404);
    }
  }

  @Test
  void aMethodTheRouteDoesNotListIs405WithAllow() throws Exception {
    var res = send(entry.port, "DELETE", "/users/7", null);
    assertProblem(res, 405);
    assertEquals("GET, HEAD", res.headers().firstValue("Allow").orElse(""));
    var post = send(entry.port, "GET", "/posts", null);
    assertProblem(post, 405);
    assertEquals("POST", post.headers().firstValue("Allow").orElse(""));
    assertProblem(send(entry.port, "GET", "/users/me", null), 405); // literal beats {id}
  }

  @Test
  void bodyOver16kIs413AndLongUriIs414() throws Exception {
    assertProblem(send(entry.port, "POST", "/posts", "x".repeat(17 * 1024)), 413);
    assertEquals(200, send(entry.port, "POST", "/posts", "x".repeat(15 * 1024)).statusCode());
    assertProblem(send(entry.port, "GET", "/users/" + "1".repeat(10 * 1024), null), 414);
  }

  @Test
  void requestIdAndForwardedForReachTheFunction() throws Exception {
    var res =
        send(
            entry.port,
            "GET",
            "/feed",
            null,
            "X-Request-Id",
            "abc-123",
            "X-Forwarded-For",
            "6.6.6.6");
    assertEquals("abc-123", res.headers().firstValue("Echo-X-Request-Id").orElse(""));
    assertEquals("abc-123", res.headers().firstValue("X-Request-Id").orElse(""));
    assertEquals(List.of("abc-123"), res.headers().allValues("X-Request-Id"));
    // The entry is the edge: the client's own X-Forwarded-For is replaced by its address.
    assertEquals("127.0.0.1", res.headers().firstValue("Echo-X-Forwarded-For").orElse(""));
    // Host with the entry's port: a function's Location must point back at the entry.
    assertEquals("127.0.0.1:" + entry.port, res.headers().firstValue("Echo-Host").orElse(""));
    var generated = send(entry.port, "GET", "/feed", null, "X-Request-Id", "<not an id>");
    String id = generated.headers().firstValue("X-Request-Id").orElse("");
    assertTrue(id.matches("[0-9a-f]{32}"), id);
    assertEquals(id, generated.headers().firstValue("Echo-X-Request-Id").orElse(""));
  }

  @Test
  void aBurstOverThePerIpLimitIs429WithRetryAfter() throws Exception {
    try (var strict =
        new NginxProcess(tmp.resolve("strict"), "1r/s", 2, standIns.upstreams(), table())) {
      HttpResponse<String> last = null;
      for (int i = 0; i < 6; i++) {
        last = send(strict.port, "GET", "/users/1", null);
      }
      assertProblem(last, 429);
      assertEquals("1", last.headers().firstValue("Retry-After").orElse(""));
    }
  }

  @Test
  void aStoppedFunctionIs502Problem() throws Exception {
    Map<String, String> dead = new java.util.LinkedHashMap<>();
    for (String fn : FUNCTIONS) {
      dead.put(fn, "127.0.0.1:" + NginxProcess.freePort()); // nothing listens there
    }
    try (var down = new NginxProcess(tmp.resolve("down"), "1000r/s", 1000, dead, table())) {
      assertProblem(send(down.port, "GET", "/users/1", null), 502);
      assertProblem(send(down.port, "POST", "/posts", "{}"), 502);
    }
  }
}
