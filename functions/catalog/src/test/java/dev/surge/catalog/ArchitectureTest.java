package dev.surge.catalog;

import dev.surge.testing.arch.SurgeArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The layer, storage and Redis rules every function keeps (see SurgeArchitecture). */
class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> rules() {
    return SurgeArchitecture.tests("dev.surge.catalog");
  }
}
