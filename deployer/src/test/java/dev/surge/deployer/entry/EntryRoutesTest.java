package dev.surge.deployer.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.deployer.Main;
import dev.surge.model.routes.Routes;
import dev.surge.model.routes.Routes.Auth;
import dev.surge.model.routes.Routes.Route;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table as entries see it, and the tables no entry can route (refused before rendering). */
class EntryRoutesTest {

  static Route route(String path, String fn, String... methods) {
    return new Route(path, List.of(methods), fn, Auth.NONE, "read", null, null);
  }

  @Test
  void literalPathsComeFirstAndTemplatesBecomeAnchoredRegexes() {
    List<EntryRoutes> r = EntryRoutes.of(Routes.all(), Routes.internal());
    List<String> paths = r.stream().map(EntryRoutes::path).toList();
    assertTrue(paths.indexOf("/users/me") < paths.indexOf("/users/{id}"), paths.toString());
    assertTrue(r.get(paths.indexOf("/users/me")).literal());
    EntryRoutes posts =
        r.stream().filter(e -> e.path().equals("/users/{id}/posts")).findFirst().orElseThrow();
    assertEquals("^/users/[^/]+/posts$", posts.regex());
    EntryRoutes post =
        r.stream().filter(e -> e.path().equals("/posts/{id}")).findFirst().orElseThrow();
    assertEquals(List.of("GET", "DELETE"), post.methods()); // two table entries, one location
  }

  @Test
  void aPathWithTwoOwnersIsRefused() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EntryRoutes.of(
                    List.of(route("/a/{id}", "users", "GET"), route("/a/{id}", "posts", "DELETE")),
                    List.of()));
    assertTrue(e.getMessage().contains("owned by both users and posts"), e.getMessage());
  }

  @Test
  void aRouteUnderAnInternalPrefixIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EntryRoutes.of(List.of(route("/q/metrics", "users", "GET")), List.of("/q/")));
  }

  @Test
  void anOwnerWithoutUpstreamIsRefused() {
    var nginx =
        new NginxEntry(
            "127.0.0.1:8000", "10r/s", 5, Path.of("/tmp/x"), Map.of("users", "127.0.0.1:8080"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            nginx.render(
                EntryRoutes.of(List.of(route("/feed", "feed", "GET")), List.of()), List.of()));
  }

  @Test
  void theCommandExitsTwoOnBadUsage() {
    var err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"entry", "nginx", "--upstream", "users=nohost"},
            null,
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err));
    assertEquals(2, code);
    assertTrue(err.toString().contains("bad --upstream entry"), err.toString());
  }
}
