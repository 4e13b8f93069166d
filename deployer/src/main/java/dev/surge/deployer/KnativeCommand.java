package dev.surge.deployer;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import java.io.PrintStream;
import java.time.Duration;

/**
 * What the commands that change a Service share: the client and namespace, where progress goes, the
 * translation of API errors ({@link Cluster}) and the Ready poller. Kept in one place so that
 * {@code deploy} and the release commands talk to the cluster the same way.
 */
abstract class KnativeCommand {

  final KnativeClient kn;
  final String ns;
  final PrintStream out;
  final Cluster cluster;
  final ReadyWaiter waiter;

  KnativeCommand(KnativeClient kn, String ns, PrintStream out, Duration poll) {
    this.kn = kn;
    this.ns = ns;
    this.out = out;
    this.cluster = new Cluster(kn.getConfiguration().getMasterUrl());
    this.waiter = new ReadyWaiter(kn, cluster, out, poll);
  }

  /** The live Service of {@code fn}, or null when there is none. */
  Service service(String fn) {
    return cluster.call(
        "get service " + fn, () -> kn.services().inNamespace(ns).withName(fn).get());
  }
}
