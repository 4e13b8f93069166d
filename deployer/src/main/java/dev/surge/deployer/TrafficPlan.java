package dev.surge.deployer;

import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.knative.serving.v1.TrafficTargetBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Gray release as three tagged traffic targets on the Knative Service (pure functions, no I/O).
 *
 * <ul>
 *   <li>{@code stable}: the revision serving users, pinned by name so a deploy never moves traffic
 *       by itself.
 *   <li>{@code canary}: 0% following the latest revision between releases (a private URL for smoke
 *       tests), or a pinned revision with the canary share during a canary.
 *   <li>{@code previous}: 0% on the revision promote replaced; it keeps that revision routable (and
 *       safe from revision garbage collection) so rollback after promote is one traffic flip.
 * </ul>
 */
public final class TrafficPlan {

  public static final String STABLE = "stable";
  public static final String CANARY = "canary";
  public static final String PREVIOUS = "previous";

  private TrafficPlan() {}

  /** What the current spec.traffic says; {@code canary} is null while it follows the latest. */
  public record State(String stable, String canary, long canaryPercent, String previous) {
    public boolean canaryInFlight() {
      return canary != null && canaryPercent > 0;
    }
  }

  public static State read(List<TrafficTarget> traffic) {
    String stable = null, canary = null, previous = null;
    long canaryPercent = 0;
    for (TrafficTarget t : traffic == null ? List.<TrafficTarget>of() : traffic) {
      switch (t.getTag() == null ? "" : t.getTag()) {
        case STABLE -> stable = t.getRevisionName();
        case CANARY -> {
          canary = t.getRevisionName();
          canaryPercent = t.getPercent() == null ? 0 : t.getPercent();
        }
        case PREVIOUS -> previous = t.getRevisionName();
        default -> {}
      }
    }
    return new State(stable, canary, canaryPercent, previous);
  }

  /** Steady state: everything on {@code stable}; canary follows the latest revision at 0%. */
  public static List<TrafficTarget> steady(String stable, String previous) {
    List<TrafficTarget> out = new ArrayList<>();
    out.add(pinned(STABLE, stable, 100));
    out.add(
        new TrafficTargetBuilder()
            .withTag(CANARY)
            .withLatestRevision(true)
            .withPercent(0L)
            .build());
    if (previous != null && !previous.equals(stable)) {
      out.add(pinned(PREVIOUS, previous, 0));
    }
    return out;
  }

  /** {@code percent} of requests to {@code candidate}, the rest stays on stable. */
  public static List<TrafficTarget> canary(State s, String candidate, int percent) {
    List<TrafficTarget> out = new ArrayList<>();
    out.add(pinned(STABLE, s.stable(), 100 - percent));
    out.add(pinned(CANARY, candidate, percent));
    if (s.previous() != null) {
      out.add(pinned(PREVIOUS, s.previous(), 0));
    }
    return out;
  }

  /** The candidate becomes stable; the old stable is kept as {@code previous} for rollback. */
  public static List<TrafficTarget> promote(State s, String candidate) {
    return steady(candidate, s.stable());
  }

  /**
   * During a canary: all traffic back to stable. After a promote: {@code previous} becomes stable
   * again. Returns null when there is nothing to roll back (already on the last known good).
   */
  public static List<TrafficTarget> rollback(State s) {
    if (s.canaryInFlight()) {
      return steady(s.stable(), s.previous());
    }
    if (s.previous() != null) {
      return steady(s.previous(), null);
    }
    return null;
  }

  private static TrafficTarget pinned(String tag, String revision, long percent) {
    return new TrafficTargetBuilder()
        .withTag(tag)
        .withRevisionName(revision)
        .withLatestRevision(false)
        .withPercent(percent)
        .build();
  }
}
