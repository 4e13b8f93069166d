package dev.surge.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(SaleBucketsTest.ThreeBuckets.class)
class SaleBucketsIT extends SaleBucketsTest {}
