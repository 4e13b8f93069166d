package dev.surge.orders;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DeliveryIT extends DeliveryTest {}
