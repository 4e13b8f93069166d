package dev.surge.deployer;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.TrafficTarget;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * {@code canary}, {@code promote}, {@code rollback}: traffic moves on a gray-mode Service (see
 * {@link TrafficPlan}). Each command computes the target traffic from the live one, writes it only
 * if it differs (so repeating a command is a no-op) and waits until the route serves it. {@code
 * deploy} makes its one traffic move (pinning the first revision) through here too, so there is a
 * single place that writes spec.traffic.
 */
public final class Release extends KnativeCommand {

  public Release(KnativeClient kn, String ns, PrintStream out, Duration poll) {
    super(kn, ns, out, poll);
  }

  public Service canary(String fn, int percent, Duration timeout) {
    if (percent < 1 || percent > 99) {
      throw DeployerException.usage("canary percent must be 1..99, got " + percent);
    }
    Service svc = grayService(fn);
    var state = TrafficPlan.read(svc.getSpec().getTraffic());
    String candidate = candidate(svc, state);
    if (candidate == null || candidate.equals(state.stable())) {
      throw DeployerException.state(
          fn
              + ": no new Ready revision to canary (stable is "
              + state.stable()
              + "); run deploy first");
    }
    out.printf(
        "%s: %d%% to %s, %d%% stays on %s%n",
        fn, percent, candidate, 100 - percent, state.stable());
    return write(fn, svc, TrafficPlan.canary(state, candidate, percent), timeout);
  }

  public Service promote(String fn, Duration timeout) {
    Service svc = grayService(fn);
    var state = TrafficPlan.read(svc.getSpec().getTraffic());
    String candidate = candidate(svc, state);
    if (candidate == null || candidate.equals(state.stable())) {
      out.printf("%s: nothing to promote, %s already stable%n", fn, state.stable());
      return svc;
    }
    out.printf("%s: promoting %s to stable (previous: %s)%n", fn, candidate, state.stable());
    return write(fn, svc, TrafficPlan.promote(state, candidate), timeout);
  }

  public Service rollback(String fn, Duration timeout) {
    Service svc = grayService(fn);
    var state = TrafficPlan.read(svc.getSpec().getTraffic());
    List<TrafficTarget> target = TrafficPlan.rollback(state);
    if (target == null) {
      out.printf("%s: nothing to roll back, %s serves 100%%%n", fn, state.stable());
      return svc;
    }
    out.printf(
        "%s: rolling back to %s%n", fn, state.canaryInFlight() ? state.stable() : state.previous());
    return write(fn, svc, target, timeout);
  }

  /** The revision a canary or promote is about: the one in flight, else the latest Ready one. */
  private static String candidate(Service svc, TrafficPlan.State state) {
    return state.canary() != null ? state.canary() : svc.getStatus().getLatestReadyRevisionName();
  }

  /**
   * A new gray-mode Service starts with "stable follows latest" (the only revision). Once that
   * revision is Ready, {@code deploy} pins it by name here so the next deploy does not move
   * traffic.
   */
  Service pinFirstRevision(String fn, Service svc, Duration timeout) {
    if (!Deployer.isGray(svc) || TrafficPlan.read(svc.getSpec().getTraffic()).stable() != null) {
      return svc;
    }
    String revision = svc.getStatus().getLatestReadyRevisionName();
    out.printf("%s: pinning stable to %s%n", fn, revision);
    return write(fn, svc, TrafficPlan.steady(revision, null), timeout);
  }

  private Service grayService(String fn) {
    Service svc = service(fn);
    if (svc == null) {
      throw DeployerException.state(
          "service " + ns + "/" + fn + " does not exist; run deploy first");
    }
    if (!Deployer.isGray(svc)) {
      throw DeployerException.state(
          fn
              + " is not in gray release mode (annotation "
              + Deployer.RELEASE_ANNOTATION
              + "=gray)");
    }
    if (TrafficPlan.read(svc.getSpec().getTraffic()).stable() == null) {
      throw DeployerException.state(
          fn + " has no pinned stable revision yet; wait for deploy to finish");
    }
    return svc;
  }

  /** The one traffic writer: skips the update when nothing changes, then waits for the route. */
  private Service write(String fn, Service svc, List<TrafficTarget> traffic, Duration timeout) {
    if (!traffic.equals(svc.getSpec().getTraffic())) {
      cluster.call(
          "update traffic of " + fn,
          () ->
              kn.services()
                  .inNamespace(ns)
                  .withName(fn)
                  .edit(
                      s -> {
                        s.getSpec().setTraffic(traffic);
                        return s;
                      }));
    }
    return waiter.await(ns, fn, null, timeout);
  }
}
