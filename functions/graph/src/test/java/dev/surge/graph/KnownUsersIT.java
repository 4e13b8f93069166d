package dev.surge.graph;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class KnownUsersIT extends KnownUsersTest {}
