package dev.surge.cache;

import dev.surge.cache.support.RedisCluster;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

// OPEN: on the Redis Cluster, bursts of distinct-key misses hit the 1 s Redis timeout, the
// circuit opens and reads fall through to the database (see README "Open points").
@QuarkusTest
@TestProfile(RedisCluster.class)
class PenetrationClusterTest extends PenetrationTest {}
