package dev.surge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.model.routes.Routes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The route table (shared-model surge/routes.yaml) against what a function really serves (its
 * OpenAPI document): every operation is either routed to exactly this function or internal, and
 * every route this function owns exists. A function's {@code RoutesTest} calls {@link
 * #assertMatches} on the running test application.
 */
public final class RoutesMatchOpenApi {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private RoutesMatchOpenApi() {}

  /** Fetches {@code /q/openapi?format=json} from the running test app and asserts the match. */
  public static void assertMatches(String function) throws IOException, InterruptedException {
    String base =
        System.getProperty(
            "test.url", ConfigProvider.getConfig().getValue("test.url", String.class));
    HttpResponse<String> res =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, res.statusCode(), "GET /q/openapi?format=json");
    JsonNode openapi = new ObjectMapper().readTree(res.body());
    assertEquals(List.of(), mismatches(function, openapi, Routes.all(), Routes.internal()));
  }

  /** What does not match, one line each; empty when the table and the document agree. */
  public static List<String> mismatches(
      String function, JsonNode openapi, List<Routes.Route> routes, List<String> internal) {
    Set<String> served = new TreeSet<>();
    for (var path : openapi.path("paths").properties()) {
      for (var operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          for (String concrete : expand(path.getKey(), path.getValue(), operation.getValue())) {
            served.add(operation.getKey().toUpperCase() + " " + shape(concrete));
          }
        }
      }
    }
    List<String> wrong = new ArrayList<>();
    for (String op : served) {
      String method = op.substring(0, op.indexOf(' '));
      String path = op.substring(op.indexOf(' ') + 1);
      if (internal.stream().anyMatch(path::startsWith)) {
        continue;
      }
      List<Routes.Route> same =
          routes.stream()
              .filter(r -> shape(r.path()).equals(path) && r.methods().contains(method))
              .toList();
      if (same.isEmpty()) {
        wrong.add(op + " is served by " + function + " but not in the route table");
      } else if (same.stream().noneMatch(r -> r.function().equals(function))) {
        wrong.add(op + " is served by " + function + " but routed to " + same.get(0).function());
      }
    }
    for (Routes.Route r : routes) {
      if (!r.function().equals(function)) {
        continue;
      }
      for (String method : r.methods()) {
        if (!served.contains(method + " " + shape(r.path()))) {
          wrong.add(
              method + " " + r.path() + " is routed to " + function + ", which does not serve it");
        }
      }
    }
    return wrong;
  }

  /**
   * A JAX-RS template like {@code /users/{id}/{list: following|followers}} is one path in the
   * document ({@code /users/{id}/{list}}, the regex as the parameter's schema pattern) but two
   * routes: a parameter whose pattern is a plain alternation of literals becomes those literals.
   */
  static List<String> expand(String path, JsonNode pathItem, JsonNode operation) {
    List<String> paths = new ArrayList<>(List.of(path));
    List<JsonNode> parameters = new ArrayList<>();
    pathItem.path("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    for (JsonNode p : parameters) {
      String pattern = p.path("schema").path("pattern").asText("");
      if (!"path".equals(p.path("in").asText()) || !LITERALS.matcher(pattern).matches()) {
        continue;
      }
      String placeholder = "{" + p.path("name").asText() + "}";
      List<String> expanded = new ArrayList<>();
      for (String literal : pattern.replaceAll("^\\^|\\$$", "").split("\\|")) {
        paths.forEach(x -> expanded.add(x.replace(placeholder, literal)));
      }
      paths = expanded;
    }
    return paths;
  }

  private static final Pattern LITERALS =
      Pattern.compile("\\^?[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)*\\$?");

  /**
   * Parameter names do not matter: {@code /users/{userId}} and {@code /users/{id}} are one path.
   */
  static String shape(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }
}
