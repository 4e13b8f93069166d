package dev.surge.deployer;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Runs one API call and turns fabric8's exceptions into one-line operator errors. The raw
 * exceptions are multi-line stack traces that bury the fact that matters ("no cluster", "no
 * Knative", "not allowed").
 */
final class Cluster {

  private final String masterUrl;

  Cluster(String masterUrl) {
    this.masterUrl = masterUrl;
  }

  <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw translate(what, e);
    }
  }

  void run(String what, Runnable call) {
    call(
        what,
        () -> {
          call.run();
          return null;
        });
  }

  private DeployerException translate(String what, KubernetesClientException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return new DeployerException(
            DeployerException.Exit.NO_CLUSTER,
            "cannot reach the Kubernetes API at "
                + masterUrl
                + " ("
                + t.getClass().getSimpleName()
                + ": "
                + t.getMessage()
                + "); check KUBECONFIG and the current context",
            e);
      }
    }
    return switch (e.getCode()) {
      case 401, 403 ->
          new DeployerException(
              DeployerException.Exit.NO_CLUSTER,
              what + ": not authorised by " + masterUrl + " (HTTP " + e.getCode() + ")",
              e);
      case 404 ->
          new DeployerException(
              DeployerException.Exit.NO_CLUSTER,
              what + ": not found on " + masterUrl + "; is Knative Serving installed?",
              e);
      default ->
          new DeployerException(
              DeployerException.Exit.INTERNAL,
              what + " failed: HTTP " + e.getCode() + " " + firstLine(e.getMessage()),
              e);
    };
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
