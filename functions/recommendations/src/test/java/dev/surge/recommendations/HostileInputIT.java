package dev.surge.recommendations;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class HostileInputIT extends HostileInputTest {}
