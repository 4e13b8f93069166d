package dev.surge.deployer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** No API server listening: every command fails in seconds with exit code 4 and one line. */
class MissingClusterTest {

  @Test
  void unreachableApiServerIsOneLineAndExitCode4() throws Exception {
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free now, closed below: nothing listens there
    }
    var config =
        new ConfigBuilder()
            .withMasterUrl("https://127.0.0.1:" + port)
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(2_000)
            .build();
    try (var client = new KubernetesClientBuilder().withConfig(config).build()) {
      var err = new ByteArrayOutputStream();
      int code =
          Main.run(
              new String[] {"status", "users"},
              client.adapt(KnativeClient.class),
              new PrintStream(new ByteArrayOutputStream()),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(4, code, err.toString());
      assertEquals(1, err.toString().lines().count(), err.toString());
      assertTrue(
          err.toString()
              .startsWith(
                  "surge-deployer: error: cannot reach the Kubernetes API at https://127.0.0.1:"
                      + port),
          err.toString());
    }
  }
}
