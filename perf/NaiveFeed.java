import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BENCHMARK ONLY: the design's anti-pattern, a home feed built by chaining REST calls to the other
 * functions on every request: graph (whom do I follow), then posts (each followee's latest posts,
 * concurrently), then users (each author's profile, concurrently). Kept out of the product on
 * purpose; perf/social-bench.sh compares it with the event-driven feed function.
 *   java perf/NaiveFeed.java <port> <graph url> <posts url> <users url>
 * GET /feed?user=<id> answers the 20 newest posts of the user's followees with their authors.
 */
public class NaiveFeed {
  static final Pattern ID = Pattern.compile("\"(?:userId|id|authorId)\":\"(\\d+)\"");
  static final HttpClient HTTP =
      HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String graph = args[1], posts = args[2], users = args[3];
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/feed",
        exchange -> {
          String user = exchange.getRequestURI().getQuery().replace("user=", "");
          byte[] body;
          try {
            body = feed(graph, posts, users, user).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
          } catch (Exception e) {
            body = e.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, body.length);
          }
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    System.out.println("naive feed on :" + port);
  }

  static String feed(String graph, String posts, String users, String user) throws Exception {
    // 1. whom I follow
    List<String> followees = ids(get(graph + "/users/" + user + "/following?limit=100"), "userId");
    // 2. their latest posts, one call per followee
    List<CompletableFuture<String>> timelines = new ArrayList<>();
    for (String f : followees) {
      timelines.add(async(posts + "/users/" + f + "/posts?limit=20"));
    }
    List<String[]> all = new ArrayList<>(); // {postId, authorId, json}
    Pattern post = Pattern.compile("\\{\"id\":\"(\\d+)\",\"authorId\":\"(\\d+)\"[^{}]*\\}");
    for (var t : timelines) {
      Matcher m = post.matcher(t.get());
      while (m.find()) {
        all.add(new String[] {m.group(1), m.group(2), m.group()});
      }
    }
    all.sort(Comparator.comparing((String[] p) -> Long.parseLong(p[0])).reversed());
    List<String[]> page = all.subList(0, Math.min(20, all.size()));
    // 3. each author's profile, one call per author
    List<CompletableFuture<String>> authors = new ArrayList<>();
    for (String[] p : page) {
      authors.add(async(users + "/users/" + p[1]));
    }
    StringBuilder out = new StringBuilder("{\"items\":[");
    for (int i = 0; i < page.size(); i++) {
      out.append(i == 0 ? "" : ",")
          .append("{\"post\":").append(page.get(i)[2])
          .append(",\"author\":").append(authors.get(i).get()).append('}');
    }
    return out.append("]}").toString();
  }

  static String get(String url) throws Exception {
    return async(url).get();
  }

  static CompletableFuture<String> async(String url) {
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(HttpResponse::body);
  }

  static List<String> ids(String json, String field) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"" + field + "\":\"(\\d+)\"").matcher(json);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
