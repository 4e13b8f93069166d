package dev.surge.deployer.entry;

import dev.surge.model.routes.Routes;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code surge-deployer entry nginx|gateway [options]}: renders the public entry from the route
 * table. Returns the exit code; 2 for bad usage.
 */
public final class EntryCommand {

  public static final String USAGE =
      """
      usage: surge-deployer entry nginx --upstream fn=host:port,... [--out FILE]
                 [--listen 127.0.0.1:8000] [--rate 2000r/s] [--burst 4000] [--prefix DIR]
             surge-deployer entry gateway [--out FILE] [--namespace surge]
                 [--gateway surge-entry] [--gateway-namespace surge]""";

  private EntryCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    try {
      Map<String, String> o = options(args.subList(1, args.size()));
      List<EntryRoutes> routes = EntryRoutes.of(Routes.all(), Routes.internal());
      String text =
          switch (args.isEmpty() ? "" : args.get(0)) {
            case "nginx" ->
                new NginxEntry(
                        o.getOrDefault("--listen", "127.0.0.1:8000"),
                        o.getOrDefault("--rate", "2000r/s"),
                        Integer.parseInt(o.getOrDefault("--burst", "4000")),
                        Path.of(o.getOrDefault("--prefix", ".surge/entry")),
                        upstreams(o.getOrDefault("--upstream", "")))
                    .render(routes, Routes.internal());
            case "gateway" ->
                new GatewayEntry(
                        o.getOrDefault("--namespace", "surge"),
                        o.getOrDefault("--gateway", "surge-entry"),
                        o.getOrDefault("--gateway-namespace", "surge"))
                    .render(routes).stream()
                        .map(Serialization::asYaml)
                        .collect(Collectors.joining());
            default -> throw new IllegalArgumentException("entry needs nginx or gateway");
          };
      if (o.containsKey("--out")) {
        Path file = Path.of(o.get("--out"));
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text);
      } else {
        out.print(text);
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("surge-deployer: error: " + e.getMessage() + "\n" + USAGE);
      return 2;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> options(List<String> args) {
    Map<String, String> o = new LinkedHashMap<>();
    Deque<String> q = new ArrayDeque<>(args);
    while (!q.isEmpty()) {
      String name = q.poll();
      if (!name.startsWith("--") || q.isEmpty()) {
        throw new IllegalArgumentException("expected --option value, got '" + name + "'");
      }
      o.put(name, q.poll());
    }
    return o;
  }

  /** "users=127.0.0.1:8080,graph=127.0.0.1:8082". */
  static Map<String, String> upstreams(String s) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : s.isBlank() ? new String[0] : s.split(",")) {
      String[] kv = pair.trim().split("=", 2);
      if (kv.length != 2 || !kv[1].matches("[A-Za-z0-9.-]+:\\d{1,5}")) {
        throw new IllegalArgumentException(
            "bad --upstream entry '" + pair + "' (use fn=host:port)");
      }
      m.put(kv[0], kv[1]);
    }
    return m;
  }
}
