package dev.surge.knative;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Per-Service rules Knative's webhook would only report at apply time (or never): autoscaling
 * annotations present and well-formed, and the function contract (image name, port, probes, -Xmx
 * matching the memory limit since native binaries built here ignore cgroup limits).
 */
final class ServiceRules {

  static final String A = "autoscaling.knative.dev/";
  static final Set<String> REQUIRED =
      Set.of(
          "class",
          "metric",
          "target",
          "min-scale",
          "max-scale",
          "initial-scale",
          "scale-down-delay");
  static final Map<String, Set<String>> METRICS_BY_CLASS =
      Map.of(
          "kpa.autoscaling.knative.dev", Set.of("concurrency", "rps"),
          "hpa.autoscaling.knative.dev", Set.of("cpu", "memory"));
  static final Pattern DURATION = Pattern.compile("^(\\d+)(s|m)$");
  static final Pattern XMX = Pattern.compile("^-Xmx(\\d+)m$");

  private ServiceRules() {}

  static List<String> check(Service svc) {
    String fn = svc.getMetadata().getName();
    List<String> p = new ArrayList<>();
    var template = svc.getSpec().getTemplate();
    Map<String, String> ann =
        template.getMetadata() == null ? Map.of() : template.getMetadata().getAnnotations();
    REQUIRED.stream()
        .filter(k -> !ann.containsKey(A + k))
        .sorted()
        .forEach(k -> p.add(fn + ": missing annotation " + A + k));
    String cls = ann.get(A + "class");
    if (cls != null && !METRICS_BY_CLASS.containsKey(cls)) {
      p.add(fn + ": unknown autoscaling class " + cls);
    } else if (cls != null && !METRICS_BY_CLASS.get(cls).contains(ann.get(A + "metric"))) {
      p.add(fn + ": metric " + ann.get(A + "metric") + " is not valid for class " + cls);
    }
    Long target = number(p, fn, ann, "target");
    Long min = number(p, fn, ann, "min-scale");
    Long max = number(p, fn, ann, "max-scale");
    Long initial = number(p, fn, ann, "initial-scale");
    Long utilization = number(p, fn, ann, "target-utilization-percentage");
    if (min != null && max != null && (max < 1 || min > max)) {
      p.add(fn + ": need 1 <= max-scale and min-scale <= max-scale");
    }
    if (initial != null && max != null && initial > max) {
      p.add(fn + ": initial-scale above max-scale");
    }
    if (utilization != null && (utilization < 1 || utilization > 100)) {
      p.add(fn + ": target-utilization-percentage must be 1..100");
    }
    String delay = ann.get(A + "scale-down-delay");
    var d = delay == null ? null : DURATION.matcher(delay);
    if (d != null && (!d.matches() || seconds(d) > 3600)) {
      p.add(fn + ": scale-down-delay '" + delay + "' must be like 90s or 5m and at most 1h");
    }
    Long cc = template.getSpec().getContainerConcurrency();
    if (cc == null || cc < 1 || cc > 1000) {
      p.add(fn + ": containerConcurrency must be set, 1..1000");
    } else if (target != null && "concurrency".equals(ann.get(A + "metric")) && target > cc) {
      p.add(fn + ": concurrency target " + target + " exceeds containerConcurrency " + cc);
    }
    String release =
        svc.getMetadata().getAnnotations() == null
            ? null
            : svc.getMetadata().getAnnotations().get("surge.dev/release");
    if (!"gray".equals(release) && !"direct".equals(release)) {
      p.add(fn + ": annotation surge.dev/release must be gray or direct");
    }
    var containers = template.getSpec().getContainers();
    if (containers.size() != 1) {
      p.add(fn + ": exactly one container expected");
      return p;
    }
    p.addAll(container(fn, containers.get(0)));
    return p;
  }

  private static List<String> container(String fn, Container c) {
    List<String> p = new ArrayList<>();
    if (!("surge/" + fn).equals(c.getImage())) {
      p.add(
          fn
              + ": image must be the bare name surge/"
              + fn
              + " (the deployer sets registry and tag)");
    }
    if (c.getPorts().size() != 1 || c.getPorts().get(0).getContainerPort() != 8080) {
      p.add(fn + ": must expose exactly port 8080");
    }
    if (c.getReadinessProbe() == null
        || !"/q/health/ready".equals(c.getReadinessProbe().getHttpGet().getPath())) {
      p.add(fn + ": readinessProbe must GET /q/health/ready");
    }
    if (c.getLivenessProbe() == null
        || !"/q/health/live".equals(c.getLivenessProbe().getHttpGet().getPath())) {
      p.add(fn + ": livenessProbe must GET /q/health/live");
    }
    Quantity limit = c.getResources() == null ? null : c.getResources().getLimits().get("memory");
    Long xmx =
        c.getArgs().stream()
            .map(XMX::matcher)
            .filter(java.util.regex.Matcher::matches)
            .map(m -> Long.parseLong(m.group(1)))
            .findFirst()
            .orElse(null);
    if (limit == null || xmx == null) {
      p.add(fn + ": needs a memory limit and an explicit -Xmx<n>m argument");
    } else {
      long limitMb = Quantity.getAmountInBytes(limit).longValue() / (1024 * 1024);
      if (xmx * 4 < limitMb || xmx * 2 > limitMb) {
        p.add(fn + ": -Xmx" + xmx + "m must be 25-50% of the " + limitMb + "Mi memory limit");
      }
    }
    return p;
  }

  private static Long number(List<String> p, String fn, Map<String, String> ann, String key) {
    String v = ann.get(A + key);
    if (v == null) {
      return null;
    }
    if (!v.matches("\\d{1,6}")) {
      p.add(fn + ": annotation " + A + key + " must be a non-negative integer, got '" + v + "'");
      return null;
    }
    return Long.parseLong(v);
  }

  private static long seconds(java.util.regex.Matcher d) {
    long n = Long.parseLong(d.group(1));
    return "m".equals(d.group(2)) ? n * 60 : n;
  }
}
