package dev.surge.catalog;

import dev.surge.testing.RoutesMatchOpenApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What catalog serves (its OpenAPI document) against the route table the entries are built from.
 */
@QuarkusTest
class RoutesTest {

  @Test
  void everyOperationIsRoutedHereOrInternalAndEveryRouteIsServed() throws Exception {
    RoutesMatchOpenApi.assertMatches("catalog");
  }
}
