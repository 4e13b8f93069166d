package dev.surge.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ItemListIT extends ItemListTest {}
