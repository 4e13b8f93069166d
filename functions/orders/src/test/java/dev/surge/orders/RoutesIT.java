package dev.surge.orders;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class RoutesIT extends RoutesTest {}
