package dev.surge.guard;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One instance's view of the kill switches: a snapshot of the Redis hash, replaced on every {@link
 * #refresh()}. Reads never touch Redis, so a switch costs a request nothing. When Redis cannot be
 * read the last snapshot stays: a switch keeps its last known position rather than flapping.
 */
public final class SwitchReader {
  private final Supplier<Uni<Map<String, String>>> source;
  private final Duration timeout;
  private volatile Map<String, String> snapshot = Map.of();

  /**
   * @param source reads the whole switch hash (HGETALL); tests pass one on another connection to
   *     stand for a second instance
   */
  public SwitchReader(Supplier<Uni<Map<String, String>>> source, Duration timeout) {
    this.source = source;
    this.timeout = timeout;
  }

  /** Whether {@code name} is on in the last snapshot. */
  public boolean on(String name) {
    return "1".equals(snapshot.get(name));
  }

  /** Every switch that was ever set, with its position. */
  public Map<String, String> snapshot() {
    return snapshot;
  }

  /** Reads the hash again; fails quietly, keeping the previous snapshot. */
  public Uni<Void> refresh() {
    return source
        .get()
        .ifNoItem()
        .after(timeout)
        .fail()
        .invoke(read -> snapshot = Map.copyOf(read))
        .replaceWithVoid()
        .onFailure()
        .recoverWithNull();
  }
}
