package dev.surge.cache;

/** Where a read was answered. */
public enum Level {
  /** In-process Caffeine (including pinned hot keys). */
  L1,
  /** Redis. */
  L2,
  /** The loader (database). */
  LOADER,
  /** The Bloom filter said the id cannot exist: no lookup at all. */
  BLOOM;

  /** True if the loader was not involved. */
  public boolean hit() {
    return this != LOADER;
  }
}
