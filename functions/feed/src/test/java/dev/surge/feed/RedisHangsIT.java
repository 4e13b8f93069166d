package dev.surge.feed;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class RedisHangsIT extends RedisHangsTest {}
