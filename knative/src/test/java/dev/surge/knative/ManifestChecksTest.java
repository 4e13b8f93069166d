package dev.surge.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.knative.serving.v1.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real manifests: every overlay renders and passes every check. */
class ManifestChecksTest {

  static List<String> allProblems(Path overlay, Path functionsYaml, Path topicsYaml) {
    Manifests m = Manifests.render(overlay);
    Catalog catalog = Catalog.read(functionsYaml, topicsYaml);
    List<String> problems = new ArrayList<>(catalog.problems());
    problems.addAll(m.problems);
    problems.addAll(Checks.functionsHaveServices(catalog, m));
    problems.addAll(Checks.consumers(catalog, m));
    m.all(Service.class).forEach(s -> problems.addAll(ServiceRules.check(s)));
    return problems;
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  void overlayRendersAndPassesEveryCheck(String overlay) {
    assertEquals(List.of(), allProblems(Path.of(overlay), Catalog.FUNCTIONS, Catalog.TOPICS));
    Manifests m = Manifests.render(Path.of(overlay));
    assertTrue(m.typed.stream().allMatch(o -> "surge".equals(o.getMetadata().getNamespace())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/prod"})
  void prodIsGrayWithAStableTag(String overlay) {
    Service users = Manifests.render(Path.of(overlay)).all(Service.class).getFirst();
    assertEquals("gray", users.getMetadata().getAnnotations().get("surge.dev/release"));
    assertEquals("stable", users.getSpec().getTraffic().getFirst().getTag());
    assertEquals(
        List.of("-Dquarkus.http.host=0.0.0.0", "-Xmx192m"),
        users.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs());
  }
}
