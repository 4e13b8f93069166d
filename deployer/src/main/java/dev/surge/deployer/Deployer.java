package dev.surge.deployer;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;

/**
 * {@code deploy}: put a function's Service (from the rendered overlay, with the given image) on the
 * cluster, wait until Ready, then apply its event wiring.
 *
 * <p>The manifest owns everything but {@code spec.traffic}: on an existing Service the live traffic
 * block is kept, so in gray mode a deploy creates a new revision that serves 0% until {@code
 * canary}/{@code promote}. Running the same deploy twice changes nothing: Knative only cuts a new
 * revision when the template changes.
 */
public final class Deployer extends KnativeCommand {

  /** Service annotation: "gray" (pinned stable/canary traffic) or "direct" (latest gets 100%). */
  public static final String RELEASE_ANNOTATION = "surge.dev/release";

  private final Release release;

  public Deployer(KnativeClient kn, String ns, PrintStream out, Duration poll) {
    super(kn, ns, out, poll);
    this.release = new Release(kn, ns, out, poll);
  }

  public Service deploy(
      String fn, Path overlayDir, String imageRef, List<String> kafkaBrokers, Duration timeout) {
    ImageRef image = ImageRef.parse(imageRef);
    if (!image.name().equals(fn)) {
      throw new DeployerException(
          DeployerException.Exit.BAD_IMAGE,
          "image "
              + imageRef
              + " is not an image of function '"
              + fn
              + "' (expected .../"
              + fn
              + ":<tag>)");
    }
    Overlay overlay = Overlay.render(overlayDir);
    Service desired = overlay.service(fn);
    // Resolved before anything is applied: a bad wiring must not leave a half-deployed function.
    List<HasMetadata> companions = overlay.companions(fn, kafkaBrokers);
    desired.getMetadata().setNamespace(ns);
    desired.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(imageRef);

    var services = kn.services().inNamespace(ns);
    Service live = service(fn);
    if (live == null) {
      out.printf("%s: creating Service in %s with %s%n", fn, ns, imageRef);
      cluster.call("create service " + fn, () -> services.resource(desired).create());
    } else {
      out.printf("%s: updating template to %s (traffic unchanged)%n", fn, imageRef);
      cluster.call(
          "update service " + fn,
          () ->
              services
                  .withName(fn)
                  .edit(
                      s -> {
                        s.getMetadata().setLabels(desired.getMetadata().getLabels());
                        var annotations = new HashMap<String, String>();
                        if (s.getMetadata().getAnnotations() != null) {
                          annotations.putAll(s.getMetadata().getAnnotations());
                        }
                        annotations.putAll(desired.getMetadata().getAnnotations());
                        s.getMetadata().setAnnotations(annotations);
                        s.getSpec().setTemplate(desired.getSpec().getTemplate());
                        return s;
                      }));
    }
    Service ready = waiter.await(ns, fn, imageRef, timeout);
    ready = release.pinFirstRevision(fn, ready, timeout);
    for (HasMetadata companion : companions) {
      companion.getMetadata().setNamespace(ns);
      out.printf(
          "%s: applying %s %s%n", fn, companion.getKind(), companion.getMetadata().getName());
      cluster.run(
          "apply " + companion.getKind(),
          () -> kn.adapt(KubernetesClient.class).resource(companion).createOr(c -> c.update()));
    }
    out.printf(
        "%s: Ready at %s (revision %s)%n",
        fn, ready.getStatus().getUrl(), ready.getStatus().getLatestReadyRevisionName());
    return ready;
  }

  static boolean isGray(Service svc) {
    var a = svc.getMetadata().getAnnotations();
    return a != null && "gray".equals(a.get(RELEASE_ANNOTATION));
  }
}
