package dev.surge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Terraform under modules/ and environments/ passes every check. */
class TerraformChecksTest {

  static final List<String> COMPONENTS =
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
          "modules/knative-config");
  static final String STACK = "modules/stack";
  static final List<String> ENVIRONMENTS = List.of("environments/dev", "environments/prod");

  static Map<String, Hcl.Module> modules;

  @BeforeAll
  static void parse() {
    modules = Hcl.parse(Path.of("."));
    modules.keySet().removeIf(dir -> dir.startsWith("src/") || dir.startsWith("target/"));
  }

  @Test
  void everyComponentAndEnvironmentIsThere() {
    Stream.of(COMPONENTS, List.of(STACK), ENVIRONMENTS)
        .flatMap(List::stream)
        .forEach(
            dir ->
                assertTrue(modules.containsKey(dir), dir + " missing; found " + modules.keySet()));
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

  /**
   * The stack wires every component, and an environment is the stack plus its own values: no
   * component call or resource of its own that the other environment could lack.
   */
  @Test
  void environmentsAreTheStackWithTheirOwnValues() {
    assertEquals(new TreeSet<>(COMPONENTS), calledDirs(STACK));
    for (String env : ENVIRONMENTS) {
      assertEquals(Set.of(STACK), calledDirs(env), env);
      assertEquals(Set.of(), modules.get(env).typed("resource").keySet(), env);
    }
    assertEquals(stackArguments("environments/dev"), stackArguments("environments/prod"));
  }

  private static Set<String> calledDirs(String dir) {
    Hcl.Module m = modules.get(dir);
    Set<String> out = new TreeSet<>();
    m.blocks("module").values().forEach(call -> out.add(Walk.callee(modules, m, call).dir()));
    return out;
  }

  private static Set<String> stackArguments(String env) {
    JsonNode call = modules.get(env).blocks("module").get("surge");
    Set<String> out = new TreeSet<>();
    call.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
