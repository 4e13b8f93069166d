package dev.surge.posts;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ArchiveAuthIT extends ArchiveAuthTest {}
