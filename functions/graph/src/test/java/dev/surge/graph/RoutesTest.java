package dev.surge.graph;

import dev.surge.testing.RoutesMatchOpenApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What graph serves (its OpenAPI document) against the route table the entries are built from. */
@QuarkusTest
class RoutesTest {

  @Test
  void everyOperationIsRoutedHereOrInternalAndEveryRouteIsServed() throws Exception {
    RoutesMatchOpenApi.assertMatches("graph");
  }
}
