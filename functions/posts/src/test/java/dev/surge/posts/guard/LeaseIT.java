package dev.surge.posts.guard;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class LeaseIT extends LeaseTest {}
