package dev.surge.users;

import dev.surge.testing.arch.SurgeArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The layer rules every function keeps (shared-testing SurgeArchitecture). */
class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> rules() {
    return SurgeArchitecture.tests("dev.surge.users");
  }
}
