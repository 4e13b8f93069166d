package dev.surge.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(SaleBucketsClusterTest.ClusterThreeBuckets.class)
class SaleBucketsClusterIT extends SaleBucketsClusterTest {}
