package dev.surge.cache;

import dev.surge.cache.support.RedisCluster;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RedisCluster.class)
class ConsistencyClusterTest extends ConsistencyTest {}
