package dev.surge.terraform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Terraform checks its own code, offline: {@code fmt -check} over the tree; {@code init
 * -backend=false}, {@code validate} and (where there is a tests/ folder) {@code test} in every
 * module whose providers the local mirror holds; and each environment's tfvars planned against the
 * root's variables, so their types and validations judge the values. Without a terraform binary or
 * a provider mirror the whole class is skipped with one line saying which is missing.
 */
class TerraformCliTest {

  static final Path WORK = Path.of("target/terraform-cli");

  /** Stand-in account values (the operator's own tfvars file, knative/README.md step 2). */
  static final Path ACCOUNT = Path.of("src/test/resources/account.tfvars");

  static final Path FIXTURES = SeededMistakesTest.FIXTURES;

  static Terraform terraform;

  @BeforeAll
  static void locate() {
    StringBuilder why = new StringBuilder();
    terraform = Terraform.locate(WORK, why).orElse(null);
    if (terraform == null) {
      // Surefire does not print a class-level skip's reason: this line is what the build shows.
      System.out.println("[terraform] fmt/validate/test checks skipped: " + why);
    }
    assumeTrue(terraform != null, () -> "terraform checks skipped: " + why);
  }

  @Test
  void formatted() {
    var r =
        terraform.run(
            Path.of("."),
            "fmt",
            "fmt",
            "-check",
            "-recursive",
            "-no-color",
            "modules",
            "stack",
            "environments",
            "src");
    assertTrue(r.ok(), () -> "terraform fmt -check lists these files:\n" + r.output());
  }

  /**
   * One test per module; one whose providers or registry modules cannot be installed offline is
   * skipped with what it lacks (the HCL checks of {@link TerraformChecksTest} still cover it).
   */
  @TestFactory
  Stream<DynamicTest> everyInstallableModuleValidates() {
    var modules = TerraformChecksTest.modules();
    // Each validate loads the provider's schema for seconds: run them side by side.
    var pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    Map<String, CompletableFuture<Terraform.Result>> runs = new TreeMap<>();
    modules.forEach(
        (dir, m) -> {
          if (terraform.notInstallable(modules, m) == null) {
            runs.put(
                dir,
                CompletableFuture.supplyAsync(
                    () -> terraform.initValidateTest(Path.of(dir), dir), pool));
          }
        });
    pool.shutdown();
    // Surefire does not print why a dynamic test was skipped: one line says how many and why.
    var skipped =
        modules.values().stream()
            .filter(m -> !runs.containsKey(m.dir()))
            .map(m -> m.dir() + " (" + terraform.notInstallable(modules, m) + ")")
            .toList();
    System.out.printf(
        "[terraform] validate/test ran on %d modules; %d skipped, not installable offline: %s%n",
        runs.size(), skipped.size(), String.join("; ", skipped));
    return modules.values().stream()
        .map(
            m ->
                DynamicTest.dynamicTest(
                    m.dir(),
                    () -> {
                      String why = terraform.notInstallable(modules, m);
                      assumeTrue(why == null, () -> m.dir() + " not validated offline: " + why);
                      var r = runs.get(m.dir()).join();
                      assertTrue(r.ok(), () -> m.dir() + ":\n" + r.output());
                    }));
  }

  /**
   * Each environment's values against the root's variables alone (a copy of stack/variables.tf
   * needs no provider, so this plans offline): a missing or mistyped value, a failed validation and
   * a value for a variable the root does not declare all fail.
   */
  @TestFactory
  Stream<DynamicTest> everyEnvironmentsValuesPassTheRootsVariables() throws IOException {
    try (Stream<Path> files = Files.list(TerraformChecksTest.ENVIRONMENTS)) {
      return files.filter(f -> f.toString().endsWith(".tfvars")).sorted().toList().stream()
          .map(
              f ->
                  DynamicTest.dynamicTest(
                      f.getFileName().toString(),
                      () -> {
                        var r = planValues(f);
                        assertTrue(r.ok(), () -> f + ":\n" + r.output());
                        assertFalse(r.output().contains("Warning:"), () -> f + ":\n" + r.output());
                      }));
    }
  }

  @Test
  void seededBadValueIsRejected() throws IOException {
    var r =
        planValues(
            TerraformChecksTest.ENVIRONMENTS.resolve("dev.tfvars"),
            FIXTURES.resolve("environment-values/bad-env.tfvars"));
    assertFalse(r.ok(), r.output());
    assertTrue(r.output().contains("env must be 2-15 lower-case letters"), r.output());
  }

  /** What validate adds to the HCL checks: the providers' schemas (here a misspelt argument). */
  @Test
  void seededUnknownArgumentFailsValidate() {
    Path dir = FIXTURES.resolve("validate-unknown-argument");
    var r = terraform.initValidateTest(dir, "validate-unknown-argument");
    assertFalse(r.ok(), r.output());
    assertTrue(r.output().contains("\"allocated_storge\" is not expected here"), r.output());
  }

  /** Plans the root's variables (copied alone) with the account stand-in and these files. */
  private static Terraform.Result planValues(Path... tfvars) throws IOException {
    String name = tfvars[tfvars.length - 1].getFileName().toString().replace(".tfvars", "");
    Path dir = WORK.resolve("values").resolve(name);
    Files.createDirectories(dir);
    Files.copy(
        Path.of(TerraformChecksTest.ROOT, "variables.tf"),
        dir.resolve("variables.tf"),
        StandardCopyOption.REPLACE_EXISTING);
    var r = terraform.run(dir, "values-" + name, "init", "-no-color");
    if (!r.ok()) {
      return r;
    }
    List<String> args = new ArrayList<>(List.of("plan", "-no-color", "-lock=false"));
    args.add("-var-file=" + ACCOUNT.toAbsolutePath());
    Stream.of(tfvars).forEach(f -> args.add("-var-file=" + f.toAbsolutePath()));
    return terraform.run(dir, "values-" + name, args.toArray(String[]::new));
  }
}
