package dev.surge.deployer.entry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tiny HTTP server per function standing in for it behind the entry: it answers 200 with {@code
 * X-Answered-By: <function>} and echoes the headers the entry forwarded as {@code Echo-*}.
 */
final class StandIns implements AutoCloseable {
  private final Map<String, HttpServer> servers = new LinkedHashMap<>();

  StandIns(List<String> functions) {
    for (String fn : functions) {
      try {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext(
            "/",
            ex -> {
              ex.getRequestBody().readAllBytes();
              var h = ex.getResponseHeaders();
              h.add("X-Answered-By", fn);
              h.add("Echo-Method", ex.getRequestMethod());
              h.add("Echo-Path", ex.getRequestURI().getRawPath());
              for (String name : List.of("X-Forwarded-For", "X-Request-Id", "Host")) {
                String v = ex.getRequestHeaders().getFirst(name);
                h.add("Echo-" + name, v == null ? "-" : v);
              }
              byte[] body = ("{\"function\":\"" + fn + "\"}").getBytes(StandardCharsets.UTF_8);
              boolean head = ex.getRequestMethod().equals("HEAD");
              ex.sendResponseHeaders(200, head ? -1 : body.length);
              if (!head) {
                ex.getResponseBody().write(body);
              }
              ex.close();
            });
        s.start();
        servers.put(fn, s);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** function -> 127.0.0.1:port, as {@code --upstream} takes it. */
  Map<String, String> upstreams() {
    Map<String, String> m = new LinkedHashMap<>();
    servers.forEach((fn, s) -> m.put(fn, "127.0.0.1:" + s.getAddress().getPort()));
    return m;
  }

  @Override
  public void close() {
    servers.values().forEach(s -> s.stop(0));
  }
}
