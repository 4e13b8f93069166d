package dev.surge.data;

/**
 * Stands for shared-data's ShardRouter in the rules' fixtures (the rules match the package, not the
 * class), so shared-testing need not depend on shared-data, whose tests use shared-testing.
 */
public class RouterStandIn {
  public int shardOf(long id) {
    return (int) (id >>> 12) & 1023;
  }
}
