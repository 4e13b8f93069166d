package dev.surge.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.deployer.entry.EntryRoutes;
import dev.surge.deployer.entry.GatewayEntry;
import dev.surge.model.routes.Routes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The cloud entry: the HTTPRoutes the deployer renders from the route table, read back through
 * fabric8's typed Gateway API model, against the table, the functions and the Gateway.
 */
class GatewayChecksTest {
  static final Path GATEWAY = Path.of("gateway/gateway.yaml");
  static final Path POLICY = Path.of("gateway/policy.yaml");

  static List<HTTPRoute> rendered() {
    List<HTTPRoute> routes =
        new GatewayEntry("surge", "surge-entry", "surge")
            .render(EntryRoutes.of(Routes.all(), Routes.internal()));
    // Through YAML and back: what is checked is what `entry gateway` prints.
    String yaml = routes.stream().map(Serialization::asYaml).collect(Collectors.joining());
    return objects(yaml).stream().map(HTTPRoute.class::cast).toList();
  }

  /** Every object of a (multi-document) YAML, typed where fabric8 knows the kind. */
  static List<HasMetadata> objects(String yaml) {
    Object o = Serialization.unmarshal(yaml);
    if (o instanceof io.fabric8.kubernetes.api.model.KubernetesList list) {
      return list.getItems();
    }
    if (o instanceof List<?> list) {
      return list.stream().map(HasMetadata.class::cast).toList();
    }
    return List.of((HasMetadata) o);
  }

  @Test
  void everyRouteGoesToItsOwnerThroughTheEntryGateway() throws IOException {
    Catalog catalog = Catalog.read(Catalog.FUNCTIONS, Catalog.TOPICS);
    assertEquals(List.of(), GatewayChecks.problems(rendered(), Routes.all(), catalog, gateway()));
  }

  @Test
  void aSeededWrongBackendIsCaught() throws IOException {
    List<HTTPRoute> routes = rendered();
    HTTPRoute graph =
        routes.stream()
            .filter(r -> r.getMetadata().getName().equals("surge-graph"))
            .findFirst()
            .orElseThrow();
    graph.getSpec().getRules().getFirst().getBackendRefs().getFirst().setName("posts");
    List<String> problems =
        GatewayChecks.problems(
            routes, Routes.all(), Catalog.read(Catalog.FUNCTIONS, Catalog.TOPICS), gateway());
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("surge-graph") && p.contains("posts")),
        problems.toString());
  }

  @Test
  void policiesTargetTheGateway() throws IOException {
    List<HasMetadata> policies = objects(Files.readString(POLICY));
    assertEquals(2, policies.size());
    for (HasMetadata o : policies) {
      var p = (GenericKubernetesResource) o;
      assertEquals("gateway.envoyproxy.io/v1alpha1", p.getApiVersion());
      assertEquals("surge", p.getMetadata().getNamespace());
      List<?> targets =
          (List<?>)
              ((java.util.Map<?, ?>) p.getAdditionalProperties().get("spec")).get("targetRefs");
      assertEquals("surge-entry", ((java.util.Map<?, ?>) targets.getFirst()).get("name"));
    }
  }

  static Gateway gateway() throws IOException {
    return objects(Files.readString(GATEWAY)).stream()
        .filter(Gateway.class::isInstance)
        .map(Gateway.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
