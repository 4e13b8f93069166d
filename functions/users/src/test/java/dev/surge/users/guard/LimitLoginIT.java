package dev.surge.users.guard;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class LimitLoginIT extends LimitLoginTest {}
