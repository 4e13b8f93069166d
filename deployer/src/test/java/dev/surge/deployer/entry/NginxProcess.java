package dev.surge.deployer.entry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The real nginx binary running a rendered entry on a free port, in the foreground. */
final class NginxProcess implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/nginx");

  final int port;
  final Path dir;
  private final Process process;

  NginxProcess(
      Path dir, String rate, int burst, Map<String, String> upstreams, List<EntryRoutes> routes)
      throws IOException, InterruptedException {
    this.dir = dir;
    this.port = freePort();
    Files.createDirectories(dir.resolve("tmp"));
    String conf =
        new NginxEntry("127.0.0.1:" + port, rate, burst, dir, upstreams)
            .render(routes, dev.surge.model.routes.Routes.internal());
    Files.writeString(dir.resolve("nginx.conf"), conf);
    process =
        new ProcessBuilder(
                BINARY.toString(), "-p", dir.toString(), "-c", "nginx.conf", "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .start();
    for (int i = 0; i < 100; i++) {
      try (var s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "nginx exited: " + Files.readString(dir.resolve("stdout.log")));
        }
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("nginx did not listen on " + port);
  }

  static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: nginx's fast shutdown
    process.waitFor();
  }
}
