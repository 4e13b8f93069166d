package dev.surge.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ItemEventsIT extends ItemEventsTest {}
