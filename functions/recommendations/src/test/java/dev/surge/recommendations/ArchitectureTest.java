package dev.surge.recommendations;

import dev.surge.testing.arch.SurgeArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> rules() {
    return SurgeArchitecture.tests("dev.surge.recommendations");
  }
}
