package dev.surge.orders;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class OrderEventsIT extends OrderEventsTest {}
