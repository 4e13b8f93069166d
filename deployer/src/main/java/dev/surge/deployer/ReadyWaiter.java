package dev.surge.deployer;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.pkg.apis.Condition;
import io.fabric8.knative.serving.v1.Revision;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.TrafficTarget;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Polls a Service until Knative reports it Ready for the spec we just wrote, printing a line each
 * time the observed state changes.
 *
 * <p>"Ready" alone is not enough right after an update: the controller has not seen the new spec
 * yet and the old Ready=True is still there. So we also require observedGeneration to catch up
 * (when the API server sets generation), the latest created revision to be the latest ready one and
 * to run the requested image, and status.traffic to match spec.traffic.
 */
final class ReadyWaiter {

  private final KnativeClient kn;
  private final Cluster cluster;
  private final PrintStream out;
  private final Duration poll;

  ReadyWaiter(KnativeClient kn, Cluster cluster, PrintStream out, Duration poll) {
    this.kn = kn;
    this.cluster = cluster;
    this.out = out;
    this.poll = poll;
  }

  /** Returns the Ready service; {@code image} may be null when only traffic changed. */
  Service await(String ns, String fn, String image, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    String last = null;
    while (true) {
      Service svc =
          cluster.call("get service " + fn, () -> kn.services().inNamespace(ns).withName(fn).get());
      if (svc == null) {
        throw DeployerException.state("service " + ns + "/" + fn + " disappeared while waiting");
      }
      var st = svc.getStatus();
      Condition ready = condition(svc, "Ready");
      String line =
          String.format(
              "%s: Ready=%s%s latestCreated=%s latestReady=%s",
              fn,
              ready == null ? "Unknown" : ready.getStatus(),
              ready == null || ready.getReason() == null ? "" : " (" + ready.getReason() + ")",
              st == null ? null : st.getLatestCreatedRevisionName(),
              st == null ? null : st.getLatestReadyRevisionName());
      if (!line.equals(last)) {
        out.printf("[%3ds] %s%n", Duration.ofNanos(System.nanoTime() - start).toSeconds(), line);
        last = line;
      }
      String created = st == null ? null : st.getLatestCreatedRevisionName();
      boolean createdRunsImage = image == null || image.equals(revisionImage(ns, created));
      if (ready != null && "False".equals(ready.getStatus()) && createdRunsImage && caughtUp(svc)) {
        throw new DeployerException(
            DeployerException.Exit.NOT_READY,
            "revision "
                + created
                + " of "
                + fn
                + " is not ready: "
                + ready.getReason()
                + ": "
                + ready.getMessage());
      }
      if (ready != null
          && "True".equals(ready.getStatus())
          && caughtUp(svc)
          && created != null
          && created.equals(st.getLatestReadyRevisionName())
          && createdRunsImage
          && trafficApplied(svc)) {
        return svc;
      }
      if (System.nanoTime() > deadline) {
        throw new DeployerException(
            DeployerException.Exit.NOT_READY,
            fn + " not Ready after " + timeout.toSeconds() + "s; last state: " + line);
      }
      sleep();
    }
  }

  static Condition condition(Service svc, String type) {
    if (svc.getStatus() == null || svc.getStatus().getConditions() == null) {
      return null;
    }
    return svc.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  private static boolean caughtUp(Service svc) {
    Long generation = svc.getMetadata().getGeneration();
    Long observed = svc.getStatus().getObservedGeneration();
    return generation == null || (observed != null && observed >= generation);
  }

  /** status.traffic lists what the route serves; compare tag, percent and pinned revision. */
  private static boolean trafficApplied(Service svc) {
    List<TrafficTarget> want = svc.getSpec().getTraffic();
    List<TrafficTarget> have = svc.getStatus().getTraffic();
    if (want == null || want.isEmpty()) {
      return true;
    }
    if (have == null || have.size() != want.size()) {
      return false;
    }
    for (TrafficTarget w : want) {
      boolean applied =
          have.stream()
              .anyMatch(
                  h ->
                      Objects.equals(w.getTag(), h.getTag())
                          && Objects.equals(w.getPercent(), h.getPercent())
                          && (w.getRevisionName() == null
                              || w.getRevisionName().equals(h.getRevisionName())));
      if (!applied) {
        return false;
      }
    }
    return true;
  }

  private String revisionImage(String ns, String revision) {
    if (revision == null) {
      return null;
    }
    Revision r =
        cluster.call(
            "get revision " + revision,
            () -> kn.revisions().inNamespace(ns).withName(revision).get());
    return r == null ? null : r.getSpec().getContainers().get(0).getImage();
  }

  private void sleep() {
    try {
      Thread.sleep(poll.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployerException(DeployerException.Exit.INTERNAL, "interrupted while waiting");
    }
  }
}
