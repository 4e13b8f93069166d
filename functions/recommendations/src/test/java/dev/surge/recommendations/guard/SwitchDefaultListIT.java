package dev.surge.recommendations.guard;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SwitchDefaultListIT extends SwitchDefaultListTest {}
