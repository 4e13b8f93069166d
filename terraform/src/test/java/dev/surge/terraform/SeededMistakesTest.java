package dev.surge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves each check can fail: every fixture under src/test/resources/fixtures is {@code good/} (a
 * module and an environment calling it) with one seeded mistake; {@code nested-missing-required}
 * puts a composition module between them, as modules/stack does, to show calls inside it are
 * checked too.
 */
class SeededMistakesTest {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  static List<String> problems(String fixture) {
    return TfChecks.all(Hcl.parse(FIXTURES.resolve(fixture)));
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
        "unpinned-provider    | provider aws must pin an exact version",
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

  @Test
  void syntaxErrorFailsTheParse() {
    var e = assertThrows(Hcl.HclException.class, () -> Hcl.parse(FIXTURES.resolve("syntax-error")));
    assertTrue(e.getMessage().contains("environments/dev/main.tf"), e.getMessage());
  }
}
