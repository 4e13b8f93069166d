package dev.surge.users;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class LogSecretsIT extends LogSecretsTest {}
