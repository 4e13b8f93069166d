package dev.surge.posts;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class HostileInputIT extends HostileInputTest {}
