package dev.surge.testing.arch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule passes on a clean function and fails on a seeded breach of exactly that rule (the
 * fixtures package holds one small "function" per breach).
 */
class SurgeArchitectureTest {
  private static final String FIXTURES = "dev.surge.testing.arch.fixtures.";

  @Test
  void aCleanFunctionPassesEveryRule() {
    String base = FIXTURES + "clean";
    JavaClasses classes = imported(base);
    assertTrue(classes.size() >= 5, "fixture classes imported");
    SurgeArchitecture.rules(base).forEach(rule -> rule.check(classes));
  }

  @ParameterizedTest(name = "{0} breaks rule {1}")
  @CsvSource({
    "domainusesapi, 0",
    "datausesdomain, 0",
    "apiusesdata, 0",
    "configusesdomain, 0",
    "sqlinevents, 1",
    "serviceroutes, 2",
    "rawredis, 3"
  })
  void aSeededBreachFailsItsRule(String fixture, int ruleIndex) {
    String base = FIXTURES + fixture;
    ArchRule rule = SurgeArchitecture.rules(base).get(ruleIndex);
    JavaClasses classes = imported(base);
    assertThrows(AssertionError.class, () -> rule.check(classes), rule.getDescription());
  }

  private static JavaClasses imported(String base) {
    return new ClassFileImporter().importPackages(base);
  }
}
