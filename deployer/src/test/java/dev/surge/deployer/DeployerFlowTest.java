package dev.surge.deployer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gray-release flow against fabric8's mock API server in CRUD mode (no real cluster can run
 * here), with {@link FakeKnativeController} standing in for Knative Serving.
 */
@EnableKubernetesMockClient(crud = true)
class DeployerFlowTest {

  static final String OVERLAY = "src/test/resources/overlay";
  static final String IMAGE = "registry.example.test/surge/users:";

  KubernetesClient client;
  KnativeClient kn;
  FakeKnativeController controller;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    kn = client.adapt(KnativeClient.class);
    controller = new FakeKnativeController(kn);
  }

  @AfterEach
  void stop() {
    controller.close();
  }

  @Test
  void deployReadyCanaryPromoteRollback() {
    assertEquals(0, run("deploy", "users", "--image", IMAGE + "1.0.0", "--overlay", OVERLAY));
    assertEquals(List.of("stable=users-00001@100", "canary=latest@0"), traffic());
    assertTrue(out.toString().contains("Ready=True"), out.toString());

    // A second deploy cuts a revision that serves nothing yet; repeating it is a no-op.
    assertEquals(0, run("deploy", "users", "--image", IMAGE + "1.1.0", "--overlay", OVERLAY));
    assertEquals(0, run("deploy", "users", "--image", IMAGE + "1.1.0", "--overlay", OVERLAY));
    assertEquals(List.of("stable=users-00001@100", "canary=latest@0"), traffic());
    assertEquals("users-00002", service().getStatus().getLatestReadyRevisionName());

    assertEquals(0, run("canary", "users", "10"));
    assertEquals(List.of("stable=users-00001@90", "canary=users-00002@10"), traffic());
    assertEquals(0, run("canary", "users", "10"));
    assertEquals(List.of("stable=users-00001@90", "canary=users-00002@10"), traffic());

    assertEquals(0, run("promote", "users"));
    assertEquals(
        List.of("stable=users-00002@100", "canary=latest@0", "previous=users-00001@0"), traffic());

    assertEquals(0, run("rollback", "users"));
    assertEquals(List.of("stable=users-00001@100", "canary=latest@0"), traffic());
    assertEquals(0, run("rollback", "users"), "rolling back twice is a no-op");
    assertEquals(List.of("stable=users-00001@100", "canary=latest@0"), traffic());

    assertEquals(0, run("status", "users"));
    String status = out.toString();
    assertTrue(status.contains("url       http://users.surge.example.test"), status);
    assertTrue(status.contains("users-00002"), status);
  }

  @Test
  void rollbackDuringCanaryReturnsAllTrafficToStable() {
    run("deploy", "users", "--image", IMAGE + "1.0.0", "--overlay", OVERLAY);
    run("deploy", "users", "--image", IMAGE + "1.1.0", "--overlay", OVERLAY);
    assertEquals(0, run("canary", "users", "25"));
    assertEquals(0, run("rollback", "users"));
    assertEquals(List.of("stable=users-00001@100", "canary=latest@0"), traffic());
  }

  @Test
  void unreadyRevisionFailsDeployAndLeavesTrafficOnStable() {
    run("deploy", "users", "--image", IMAGE + "1.0.0", "--overlay", OVERLAY);
    controller.failImage = IMAGE + "2.0.0";
    assertEquals(5, run("deploy", "users", "--image", IMAGE + "2.0.0", "--overlay", OVERLAY));
    assertTrue(
        err.toString().contains("revision users-00002 of users is not ready: RevisionFailed"),
        err.toString());
    assertEquals(List.of("stable=users-00001@100", "canary=latest@0"), traffic());
    assertEquals(6, run("canary", "users", "10"), "nothing Ready to canary");
  }

  @Test
  void directModeServiceAndItsEventWiringOnTheEnvironmentsBrokers() {
    String image = IMAGE.replace("users", "feed") + "0.1.0";
    assertEquals(2, run("deploy", "feed", "--image", image, "--overlay", OVERLAY));
    assertTrue(err.toString().contains("pass --kafka-brokers"), err.toString());
    assertEquals(0, kn.services().inNamespace("surge").list().getItems().size());

    assertEquals(
        0,
        run(
            "deploy",
            "feed",
            "--image",
            image,
            "--overlay",
            OVERLAY,
            "--kafka-brokers",
            "b-1.msk.test:9096,b-2.msk.test:9096"));
    var source = kn.kafkasSources().inNamespace("surge").withName("feed-surge-users-events").get();
    assertNotNull(source);
    assertEquals(
        List.of("b-1.msk.test:9096", "b-2.msk.test:9096"), source.getSpec().getBootstrapServers());
    assertEquals(6, run("canary", "feed", "10"), "direct mode has no canary");
  }

  @Test
  void argumentAndImageErrorsNeverTouchTheCluster() {
    assertEquals(
        3,
        run(
            "deploy",
            "users",
            "--image",
            "registry.example.test/surge/users",
            "--overlay",
            OVERLAY));
    assertEquals(
        3, run("deploy", "users", "--image", "Registry/Surge/Users:1", "--overlay", OVERLAY));
    assertEquals(3, run("deploy", "users", "--image", IMAGE + "latest", "--overlay", OVERLAY));
    assertEquals(
        3,
        run(
            "deploy",
            "users",
            "--image",
            IMAGE.replace("users", "posts") + "1",
            "--overlay",
            OVERLAY));
    assertEquals(
        2,
        run(
            "deploy",
            "nope",
            "--image",
            IMAGE.replace("users", "nope") + "1",
            "--overlay",
            OVERLAY));
    assertEquals(2, run("canary", "users", "150"));
    assertEquals(
        2, run("deploy", "users", "--image", IMAGE + "1", "--kafka-brokers", "b-1.msk.test:x"));
    assertEquals(2, run("launch", "users"));
    assertTrue(
        err.toString()
            .lines()
            .allMatch(l -> l.startsWith("surge-deployer: error: ") || !l.startsWith("surge")));
    assertEquals(0, kn.services().inNamespace("surge").list().getItems().size());
  }

  int run(String... args) {
    return Main.run(
        args,
        kn,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  io.fabric8.knative.serving.v1.Service service() {
    return kn.services().inNamespace("surge").withName("users").get();
  }

  List<String> traffic() {
    return service().getSpec().getTraffic().stream()
        .map(DeployerFlowTest::describe)
        .collect(Collectors.toList());
  }

  static String describe(TrafficTarget t) {
    String target = t.getRevisionName() != null ? t.getRevisionName() : "latest";
    return t.getTag() + "=" + target + "@" + t.getPercent();
  }
}
