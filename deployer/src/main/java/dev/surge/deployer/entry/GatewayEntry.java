package dev.surge.deployer.entry;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Renders the cloud entry's routes: one Gateway API {@code HTTPRoute} per function, attached to the
 * {@code surge-entry} Gateway (knative/gateway/), each path routed to the function's Knative
 * Service. Knative's ingress routes by Host, so every rule rewrites Host to the Service's
 * cluster-local name.
 *
 * @param namespace where the Knative Services (and these routes) live
 * @param gateway the Gateway's name
 * @param gatewayNamespace the Gateway's namespace
 */
public record GatewayEntry(String namespace, String gateway, String gatewayNamespace) {

  /** The HTTPRoutes, one per function that owns a route, sorted by function. */
  public List<HTTPRoute> render(List<EntryRoutes> routes) {
    List<HTTPRoute> out = new ArrayList<>();
    for (String fn : new TreeSet<>(routes.stream().map(EntryRoutes::function).toList())) {
      List<HTTPRouteRule> rules =
          routes.stream().filter(r -> r.function().equals(fn)).map(r -> rule(r, fn)).toList();
      out.add(
          new HTTPRouteBuilder()
              .withNewMetadata()
              .withName("surge-" + fn)
              .withNamespace(namespace)
              .addToLabels("surge.dev/function", fn)
              .addToLabels("app.kubernetes.io/managed-by", "surge-deployer")
              .endMetadata()
              .withNewSpec()
              .addNewParentRef()
              .withGroup("gateway.networking.k8s.io")
              .withKind("Gateway")
              .withName(gateway)
              .withNamespace(gatewayNamespace)
              .withSectionName("https")
              .endParentRef()
              .withRules(rules)
              .endSpec()
              .build());
    }
    return out;
  }

  private HTTPRouteRule rule(EntryRoutes r, String fn) {
    List<HTTPRouteMatch> matches = new ArrayList<>();
    List<String> methods = new ArrayList<>(r.methods());
    if (methods.contains("GET") && !methods.contains("HEAD")) {
      methods.add("HEAD");
    }
    for (String method : methods) {
      matches.add(
          new HTTPRouteMatchBuilder()
              .withNewPath()
              .withType(r.literal() ? "Exact" : "RegularExpression")
              .withValue(r.literal() ? r.path() : r.regex())
              .endPath()
              .withMethod(method)
              .build());
    }
    return new HTTPRouteRuleBuilder()
        .withMatches(matches)
        .addNewFilter()
        .withType("URLRewrite")
        .withNewUrlRewrite()
        .withHostname(fn + "." + namespace + ".svc.cluster.local")
        .endUrlRewrite()
        .endFilter()
        .addNewBackendRef()
        .withKind("Service")
        .withName(fn)
        .withNamespace(namespace)
        .withPort(80)
        .endBackendRef()
        .build();
  }
}
