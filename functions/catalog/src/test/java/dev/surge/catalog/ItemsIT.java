package dev.surge.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ItemsIT extends ItemsTest {}
