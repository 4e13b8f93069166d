package dev.surge.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.model.routes.Routes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Sends each {@link HostileCase} as raw bytes (java.net.http, which adds no Content-Type of its
 * own) and lists every answer that is not a 4xx problem document of an allowed status, plus any
 * change of the row count the caller measures before and after.
 */
public final class HostileRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HostileRunner() {}

  /** The failures; empty when every case was refused properly and no row was written. */
  public static List<String> run(int port, List<HostileCase> cases, LongSupplier rows) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<String> failures = new ArrayList<>();
    long before = rows.getAsLong();
    for (HostileCase c : cases) {
      try {
        String failure = check(c, send(client, port, c));
        if (failure != null) {
          failures.add(c.name() + " -> " + failure);
        }
      } catch (Exception e) {
        failures.add(c.name() + " -> " + e);
      }
    }
    long after = rows.getAsLong();
    if (after != before) {
      failures.add("rows written: " + before + " before, " + after + " after");
    }
    return failures;
  }

  private static HttpResponse<String> send(HttpClient client, int port, HostileCase c)
      throws Exception {
    HttpRequest.BodyPublisher body =
        c.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(c.body());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.pathAndQuery()))
            .timeout(Duration.ofSeconds(20))
            .method(c.method(), body);
    if (c.contentType() != null) {
      request.header("Content-Type", c.contentType());
    }
    if (c.token() != null) {
      request.header("Authorization", "Bearer " + c.token());
    }
    if (requiresIdempotencyKey(c)) {
      // A fresh key per case: without one the guard answers 400 before the case's own input (a bad
      // path id, a missing Content-Type) is looked at; a missing key is each function's own test.
      request.header("Idempotency-Key", UUID.randomUUID().toString());
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean requiresIdempotencyKey(HostileCase c) {
    String path = c.pathAndQuery();
    int query = path.indexOf('?');
    return Routes.match(c.method(), query < 0 ? path : path.substring(0, query))
        .map(route -> route.idempotency() == Routes.Idempotency.REQUIRED)
        .orElse(false);
  }

  private static String check(HostileCase c, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status < 400 || status > 499) {
      return "status " + status + " " + response.body();
    }
    // 429: a rate limit (shared-guard) may refuse a burst of bad requests before they are read;
    // still a refusal, still a problem document.
    if (!c.statuses().isEmpty() && !c.statuses().contains(status) && status != 429) {
      return "status " + status + ", expected " + c.statuses() + " " + response.body();
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      return "Content-Type '" + type + "' (status " + status + ")";
    }
    try {
      JsonNode problem = JSON.readTree(response.body());
      if (problem.path("status").asInt() != status || !problem.path("type").isTextual()) {
        return "not a problem document: " + response.body();
      }
      String text = response.body();
      if (text.contains("Exception") || text.contains("at dev.surge") || text.contains("java.")) {
        return "internals leaked: " + text;
      }
    } catch (Exception e) {
      return "unreadable problem body: " + response.body();
    }
    return null;
  }
}
