package dev.surge.deployer;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Revision;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.TrafficTarget;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

/** {@code status}: URL, readiness, traffic (spec and served) and revisions of one function. */
public final class Status {

  private final KnativeClient kn;
  private final String ns;
  private final PrintStream out;
  private final Cluster cluster;

  public Status(KnativeClient kn, String ns, PrintStream out) {
    this.kn = kn;
    this.ns = ns;
    this.out = out;
    this.cluster = new Cluster(kn.getConfiguration().getMasterUrl());
  }

  public void print(String fn) {
    Service svc =
        cluster.call("get service " + fn, () -> kn.services().inNamespace(ns).withName(fn).get());
    if (svc == null) {
      throw DeployerException.state("service " + ns + "/" + fn + " does not exist");
    }
    var st = svc.getStatus();
    var ready = ReadyWaiter.condition(svc, "Ready");
    out.printf(
        "service   %s/%s (release mode: %s)%n", ns, fn, Deployer.isGray(svc) ? "gray" : "direct");
    out.printf("url       %s%n", st == null ? "-" : st.getUrl());
    out.printf(
        "ready     %s%s%n",
        ready == null ? "Unknown" : ready.getStatus(),
        ready == null || ready.getMessage() == null ? "" : " (" + ready.getMessage() + ")");
    out.printf(
        "revisions latest created %s, latest ready %s%n",
        st == null ? "-" : st.getLatestCreatedRevisionName(),
        st == null ? "-" : st.getLatestReadyRevisionName());
    out.println("traffic   (spec)");
    table(svc.getSpec().getTraffic());
    out.println("traffic   (served)");
    table(st == null ? null : st.getTraffic());
    List<Revision> revisions =
        cluster.call(
            "list revisions of " + fn,
            () ->
                kn.revisions()
                    .inNamespace(ns)
                    .withLabel("serving.knative.dev/service", fn)
                    .list()
                    .getItems());
    out.println("revisions");
    revisions.stream()
        .sorted(Comparator.comparing((Revision r) -> r.getMetadata().getName()).reversed())
        .forEach(
            r ->
                out.printf(
                    "  %-28s %-8s %s%n",
                    r.getMetadata().getName(),
                    revisionReady(r),
                    r.getSpec().getContainers().get(0).getImage()));
  }

  private void table(List<TrafficTarget> traffic) {
    if (traffic == null || traffic.isEmpty()) {
      out.println("  -");
      return;
    }
    for (TrafficTarget t : traffic) {
      out.printf(
          "  %-9s %4d%%  %-28s %s%n",
          t.getTag() == null ? "-" : t.getTag(),
          t.getPercent() == null ? 0 : t.getPercent(),
          Boolean.TRUE.equals(t.getLatestRevision()) && t.getRevisionName() == null
              ? "(latest)"
              : t.getRevisionName(),
          t.getUrl() == null ? "" : t.getUrl());
    }
  }

  private static String revisionReady(Revision r) {
    if (r.getStatus() == null || r.getStatus().getConditions() == null) {
      return "Unknown";
    }
    return r.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .map(c -> "Ready=" + c.getStatus())
        .findFirst()
        .orElse("Unknown");
  }
}
