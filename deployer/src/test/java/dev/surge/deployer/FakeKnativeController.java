package dev.surge.deployer;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.pkg.apis.Condition;
import io.fabric8.knative.serving.v1.RevisionBuilder;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceStatus;
import io.fabric8.knative.serving.v1.ServiceStatusBuilder;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.knative.serving.v1.TrafficTargetBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Plays the Knative Serving controller against the mock API server, which in CRUD mode stores
 * objects but reconciles nothing. On every Service change it does, in miniature, what Knative does:
 * a changed template cuts a Revision named {@code <svc>-0000N}; the revision becomes Ready unless
 * its image is {@link #failImage}; status gets conditions, latest created/ready revision names and
 * the traffic actually served (latestRevision resolved to a name).
 */
final class FakeKnativeController implements Watcher<Service>, AutoCloseable {

  private final KnativeClient kn;
  private final Map<String, String> templates = new ConcurrentHashMap<>();
  private final Map<String, Integer> counters = new ConcurrentHashMap<>();
  // Reconcile off the watch thread: blocking API calls inside a watch callback can stall it.
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private final Watch watch;
  volatile String failImage;

  FakeKnativeController(KnativeClient kn) {
    this.kn = kn;
    this.watch = kn.services().inAnyNamespace().watch(this);
  }

  @Override
  public void eventReceived(Action action, Service svc) {
    if (action != Action.DELETED) {
      worker.execute(
          () -> reconcile(svc.getMetadata().getNamespace(), svc.getMetadata().getName()));
    }
  }

  private void reconcile(String ns, String name) {
    Service svc = kn.services().inNamespace(ns).withName(name).get();
    String key = ns + "/" + name;
    ServiceStatus old = svc.getStatus() == null ? new ServiceStatus() : svc.getStatus();
    String created = old.getLatestCreatedRevisionName();
    String ready = old.getLatestReadyRevisionName();
    String template =
        kn.adapt(io.fabric8.kubernetes.client.KubernetesClient.class)
            .getKubernetesSerialization()
            .asJson(svc.getSpec().getTemplate());
    if (!template.equals(templates.get(key))) {
      templates.put(key, template);
      created = String.format("%s-%05d", name, counters.merge(key, 1, Integer::sum));
      String image = svc.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
      boolean ok = !image.equals(failImage);
      kn.revisions()
          .inNamespace(ns)
          .resource(
              new RevisionBuilder()
                  .withNewMetadata()
                  .withName(created)
                  .withNamespace(ns)
                  .addToLabels("serving.knative.dev/service", name)
                  .endMetadata()
                  .withSpec(svc.getSpec().getTemplate().getSpec())
                  .withNewStatus()
                  .addToConditions(condition(ok ? "True" : "False", ok ? null : "ContainerMissing"))
                  .endStatus()
                  .build())
          .create();
      if (ok) {
        ready = created;
      }
    }
    boolean allReady = created.equals(ready);
    ServiceStatus status =
        new ServiceStatusBuilder()
            .withUrl("http://" + name + "." + ns + ".example.test")
            .withLatestCreatedRevisionName(created)
            .withLatestReadyRevisionName(ready)
            .withObservedGeneration(svc.getMetadata().getGeneration())
            .withConditions(
                condition(allReady ? "True" : "False", allReady ? null : "RevisionFailed"))
            .withTraffic(served(svc, ready))
            .build();
    if (!status.equals(svc.getStatus())) {
      kn.services()
          .inNamespace(ns)
          .withName(name)
          .edit(
              s -> {
                s.setStatus(status);
                return s;
              });
    }
  }

  private static List<TrafficTarget> served(Service svc, String ready) {
    List<TrafficTarget> spec = svc.getSpec().getTraffic();
    if (spec == null || spec.isEmpty()) {
      spec = List.of(new TrafficTargetBuilder().withLatestRevision(true).withPercent(100L).build());
    }
    List<TrafficTarget> out = new ArrayList<>();
    for (TrafficTarget t : spec) {
      out.add(
          new TrafficTargetBuilder(t)
              .withRevisionName(t.getRevisionName() != null ? t.getRevisionName() : ready)
              .withUrl(
                  t.getTag() == null
                      ? null
                      : "http://"
                          + t.getTag()
                          + "-"
                          + svc.getMetadata().getName()
                          + ".example.test")
              .build());
    }
    return out;
  }

  private static Condition condition(String status, String reason) {
    var c = new Condition();
    c.setType("Ready");
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(reason == null ? null : "Back-off pulling image");
    return c;
  }

  @Override
  public void onClose(WatcherException cause) {}

  @Override
  public void close() {
    watch.close();
    worker.shutdownNow();
  }
}
