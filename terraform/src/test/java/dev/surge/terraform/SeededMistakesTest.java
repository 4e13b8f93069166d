package dev.surge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves each static check can fail: every fixture under src/test/resources/fixtures is {@code
 * good/} (a module and a root module calling it) with one seeded mistake; {@code
 * nested-missing-required} puts a composition module between them to show calls inside a called
 * module are checked too. (The fixtures validate-unknown-argument and environment-values belong to
 * {@link TerraformCliTest}.)
 */
class SeededMistakesTest {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  /** Every fixture, parsed in one run. */
  static final Map<String, Map<String, Hcl.Module>> PARSED = Hcl.parseEach(FIXTURES);

  static List<String> problems(String fixture) {
    return TfChecks.all(PARSED.get(fixture));
  }

  @Test
  void goodFixturePasses() {
    assertEquals(List.of(), problems("good"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "undeclared-argument  | module db passes undeclared variable colour",
        "missing-required     | module db misses required variable name",
        "unknown-var          | var.nmae is not declared",
        "unknown-local        | local.env_name is not defined",
        "unknown-output       | module.db has no output writer",
        "unknown-resource     | random_password.database is not declared",
        "untyped-variable     | variable name has no type",
        "undescribed-variable | variable name has no description",
        "unvalidated-variable | variable size has no validation",
        "secret-literal       | module.db.password is a literal secret",
        "secret-default       | variable password holds a secret and must not have a default",
        "unpinned-provider    | modules/db: provider aws must state only a minimum version (>= x.y.z)",
        "unpinned-root-provider | environments/dev: provider random must pin an exact version",
        "unpinned-module      | module vpc (terraform-aws-modules/vpc/aws) must pin an exact version",
        "moved-to-nowhere     | moved module.database -> module.dbx: module.dbx does not exist",
        "moved-from-declared  | moved module.vpc -> module.db: module.vpc is still declared",
        "nested-missing-required | modules/stack: module db misses required variable password",
      })
  void seededMistakeIsReported(String fixture, String expected) {
    List<String> problems = problems(fixture);
    assertTrue(
        problems.stream().anyMatch(p -> p.contains(expected)),
        () -> "expected '" + expected + "' in " + problems);
  }

  /**
   * The broken file is written at test time, so that the tree holds no unparsable .tf and {@code
   * terraform fmt -check -recursive} stays clean over all of it.
   */
  @Test
  void syntaxErrorFailsTheParse(@TempDir Path dir) throws IOException {
    Path good = FIXTURES.resolve("good");
    try (Stream<Path> files = Files.walk(good)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path copy = dir.resolve(good.relativize(f).toString());
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, Files.readString(f).replace("locals {", "locals {{"));
      }
    }
    var e = assertThrows(Hcl.HclException.class, () -> Hcl.parse(dir));
    assertTrue(e.getMessage().contains("environments/dev/main.tf"), e.getMessage());
  }
}
