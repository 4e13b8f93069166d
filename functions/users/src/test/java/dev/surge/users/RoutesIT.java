package dev.surge.users;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class RoutesIT extends RoutesTest {}
