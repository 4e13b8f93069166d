package dev.surge.posts;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class RoutesIT extends RoutesTest {}
