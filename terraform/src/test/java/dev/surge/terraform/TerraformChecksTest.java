package dev.surge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real Terraform passes every check: the root module stack/, the components under modules/, and
 * environments/ holding nothing but each environment's values and state key.
 */
class TerraformChecksTest {

  static final List<String> COMPONENTS =
      List.of(
          "modules/catalog",
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
          "modules/monitoring");
  static final String ROOT = "stack";
  static final Path ENVIRONMENTS = Path.of("environments");
  static final Pattern TOP_LEVEL_NAME = Pattern.compile("(?m)^([a-z_][a-z0-9_]*)\\s*=");

  private static Map<String, Hcl.Module> modules;

  /** Every module of the real tree, parsed once for all test classes. */
  static synchronized Map<String, Hcl.Module> modules() {
    if (modules == null) {
      modules = Hcl.parse(Path.of("."));
      modules.keySet().removeIf(dir -> dir.startsWith("src/") || dir.startsWith("target/"));
    }
    return modules;
  }

  @Test
  void everyComponentAndTheRootAreThere() {
    Stream.concat(COMPONENTS.stream(), Stream.of(ROOT))
        .forEach(
            dir ->
                assertTrue(
                    modules().containsKey(dir), dir + " missing; found " + modules().keySet()));
  }

  @Test
  void passesEveryCheck() {
    assertEquals(List.of(), TfChecks.all(modules()));
  }

  /** The root wires every component, and nothing else is a root that could be applied alone. */
  @Test
  void theRootCallsEveryComponent() {
    Hcl.Module root = modules().get(ROOT);
    Set<String> called = new TreeSet<>();
    root.blocks("module").values().forEach(c -> called.add(Walk.callee(modules(), root, c).dir()));
    assertEquals(new TreeSet<>(COMPONENTS), called);
    Set<String> roots = new TreeSet<>(modules().keySet());
    roots.removeAll(Walk.calledDirs(modules()));
    assertEquals(Set.of(ROOT), roots);
  }

  /**
   * An environment is two files, ENV.tfvars (the root's variables with ENV's values, env = ENV) and
   * ENV.s3.tfbackend (state key surge/ENV/...), and every environment sets the same variables: no
   * code of its own, so none that another environment could lack. Whether the values satisfy the
   * variables' types and validations: {@link TerraformCliTest}.
   */
  @Test
  void environmentsDifferOnlyInValues() throws IOException {
    Map<String, Set<String>> setByEnv = new TreeMap<>();
    Set<String> declared = modules().get(ROOT).blocks("variable").keySet();
    try (Stream<Path> files = Files.list(ENVIRONMENTS)) {
      for (Path f : files.sorted().toList()) {
        String file = f.getFileName().toString();
        assertTrue(
            file.matches("[a-z0-9]+\\.(tfvars|s3\\.tfbackend)"),
            f + ": environments/ holds only ENV.tfvars and ENV.s3.tfbackend");
        if (!file.endsWith(".tfvars")) {
          continue;
        }
        String env = file.substring(0, file.indexOf('.'));
        String values = Files.readString(f);
        Set<String> names =
            TOP_LEVEL_NAME
                .matcher(values)
                .results()
                .map(r -> r.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(declared.containsAll(names), f + " sets variables the root lacks: " + names);
        assertTrue(
            Pattern.compile("(?m)^env\\s*=\\s*\"" + env + "\"$").matcher(values).find(),
            f + " must set env = \"" + env + "\"");
        String backend = Files.readString(ENVIRONMENTS.resolve(env + ".s3.tfbackend"));
        assertTrue(
            backend.contains("key = \"surge/" + env + "/terraform.tfstate\""),
            env + ".s3.tfbackend must hold the state key surge/" + env + "/terraform.tfstate");
        setByEnv.put(env, names);
      }
    }
    assertEquals(Set.of("dev", "prod"), setByEnv.keySet());
    assertEquals(setByEnv.get("dev"), setByEnv.get("prod"), "dev and prod set the same variables");
  }
}
