package dev.surge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.model.routes.Routes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI check on a canned document of the graph function: it passes, and seeded mistakes fail
 * it.
 */
class RoutesMatchOpenApiTest {
  // What graph's /q/openapi?format=json lists (trimmed to paths and methods), with its own
  // parameter names, one JAX-RS regex template for two routes, and its internal endpoints.
  static final String GRAPH =
      """
      {"openapi":"3.1.0","paths":{
        "/users/{followerId}/following/{followeeId}":{"put":{},"delete":{},"parameters":[]},
        "/users/{id}/{list}":{"get":{"parameters":[
          {"name":"list","in":"path","required":true,"schema":{"type":"string","pattern":"following|followers"}}]}},
        "/users/{userId}/graph":{"get":{}},
        "/events":{"post":{}},
        "/admin/caches/{name}/bloom/rebuild":{"post":{}}
      }}""";

  static JsonNode doc(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  @Test
  void theRealTableMatchesGraph() throws Exception {
    assertEquals(
        List.of(),
        RoutesMatchOpenApi.mismatches("graph", doc(GRAPH), Routes.all(), Routes.internal()));
  }

  @Test
  void aFakeRouteInACopiedTableFails() throws Exception {
    List<Routes.Route> seeded = new ArrayList<>(Routes.all());
    seeded.add(
        new Routes.Route(
            "/users/{id}/blocked", List.of("GET"), "graph", Routes.Auth.USER, "read", null, null));
    assertEquals(
        List.of("GET /users/{id}/blocked is routed to graph, which does not serve it"),
        RoutesMatchOpenApi.mismatches("graph", doc(GRAPH), seeded, Routes.internal()));
  }

  @Test
  void anUnroutedOrMisroutedOperationFails() throws Exception {
    String extra =
        GRAPH.replace(
            "\"/events\"",
            "\"/users/{userId}/mutes\":{\"get\":{}},\"/users/{u}/posts\":{\"get\":{}},\"/events\"");
    assertEquals(
        List.of(
            "GET /users/{}/mutes is served by graph but not in the route table",
            "GET /users/{}/posts is served by graph but routed to posts"),
        RoutesMatchOpenApi.mismatches("graph", doc(extra), Routes.all(), Routes.internal()));
  }
}
