package dev.surge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Terraform under modules/ and environments/ passes every check. */
class TerraformChecksTest {

  static Map<String, Hcl.Module> modules;

  @BeforeAll
  static void parse() {
    modules = Hcl.parse(Path.of("."));
    modules.keySet().removeIf(dir -> dir.startsWith("src/") || dir.startsWith("target/"));
  }

  @Test
  void everyComponentAndEnvironmentIsThere() {
    for (String dir :
        List.of(
            "modules/vpc",
            "modules/eks",
            "modules/ingress",
            "modules/redis",
            "modules/kafka",
            "modules/kafka-topics",
            "modules/registry",
            "modules/postgres",
            "modules/secrets",
            "modules/knative-config",
            "environments/dev",
            "environments/prod")) {
      assertTrue(modules.containsKey(dir), dir + " missing; found " + modules.keySet());
    }
  }

  @Test
  void passesEveryCheck() {
    assertEquals(List.of(), TfChecks.all(modules));
  }

  @Test
  void environmentsCallTheSameModules() {
    assertEquals(
        modules.get("environments/dev").blocks("module").keySet(),
        modules.get("environments/prod").blocks("module").keySet());
  }
}
