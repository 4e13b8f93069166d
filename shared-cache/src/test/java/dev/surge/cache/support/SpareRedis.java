package dev.surge.cache.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;

/**
 * A redis-server of the test's own on a spare port, so a test may stop and restart it. The shared
 * Redis on 6379 is never touched.
 */
public class SpareRedis implements QuarkusTestProfile {
  public static final int PORT = 6391;
  private static Process process;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + PORT);
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(Resource.class));
  }

  /** Starts the server and waits until it accepts connections. */
  public static synchronized void start() {
    try {
      process =
          new ProcessBuilder(
                  "redis-server",
                  "--port",
                  Integer.toString(PORT),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      for (int i = 0; i < 100 && !listening(); i++) {
        Thread.sleep(50);
      }
    } catch (IOException e) {
      throw new IllegalStateException("redis-server did not start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the server (SIGKILL: like a crash, in-flight commands get no answer). */
  public static synchronized void stop() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  private static boolean listening() {
    try (Socket s = new Socket("127.0.0.1", PORT)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static class Resource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      SpareRedis.start();
      return Map.of();
    }

    @Override
    public void stop() {
      SpareRedis.stop();
    }
  }
}
