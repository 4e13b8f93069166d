package dev.surge.orders;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The payment timeout and the reconciliation switched on, with short periods. */
public class JobsProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "surge.orders.jobs-enabled", "true",
        "surge.orders.payment-timeout", "4s");
  }
}
