package dev.surge.orders;

import dev.surge.testing.RoutesMatchOpenApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What orders serves (its OpenAPI document) against the route table the entries are built from. */
@QuarkusTest
class RoutesTest {

  @Test
  void everyOperationIsRoutedHereOrInternalAndEveryRouteIsServed() throws Exception {
    RoutesMatchOpenApi.assertMatches("orders");
  }
}
