package dev.surge.knative;

import dev.surge.model.routes.Routes;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks of the cloud entry's HTTPRoutes; each problem is one line naming the route. */
final class GatewayChecks {
  private GatewayChecks() {}

  static List<String> problems(
      List<HTTPRoute> routes, List<Routes.Route> table, Catalog catalog, Gateway gateway) {
    List<String> problems = new ArrayList<>();
    if (gateway.getSpec().getListeners().stream()
        .noneMatch(
            l ->
                "https".equals(l.getName())
                    && "HTTPS".equals(l.getProtocol())
                    && l.getTls() != null
                    && !l.getTls().getCertificateRefs().isEmpty())) {
      problems.add(
          "Gateway "
              + gateway.getMetadata().getName()
              + " has no HTTPS listener with a certificate");
    }
    for (HTTPRoute r : routes) {
      String name = r.getMetadata().getName();
      r.getSpec()
          .getParentRefs()
          .forEach(
              p -> {
                if (!gateway.getMetadata().getName().equals(p.getName())
                    || !"https".equals(p.getSectionName())) {
                  problems.add(
                      name
                          + ": parentRef "
                          + p.getName()
                          + "/"
                          + p.getSectionName()
                          + " is not the Gateway's https listener");
                }
              });
      for (HTTPRouteRule rule : r.getSpec().getRules()) {
        rule.getBackendRefs()
            .forEach(
                b -> {
                  if (!catalog.functions().contains(b.getName())) {
                    problems.add(name + ": backendRef " + b.getName() + " is no function");
                  }
                });
      }
    }
    // Every (path, method) of the table: exactly one rule matches it, and it goes to the owner.
    for (Routes.Route t : table) {
      String concrete = t.path().replaceAll("\\{[^}]+}", "42");
      for (String method : t.methods()) {
        List<String> targets = new ArrayList<>();
        for (HTTPRoute r : routes) {
          for (HTTPRouteRule rule : r.getSpec().getRules()) {
            boolean hit =
                rule.getMatches().stream()
                    .anyMatch(
                        m ->
                            method.equals(m.getMethod())
                                && ("Exact".equals(m.getPath().getType())
                                    ? m.getPath().getValue().equals(concrete)
                                    : Pattern.matches(m.getPath().getValue(), concrete)));
            if (hit) {
              rule.getBackendRefs()
                  .forEach(b -> targets.add(r.getMetadata().getName() + "->" + b.getName()));
            }
          }
        }
        if (!targets.equals(List.of("surge-" + t.function() + "->" + t.function()))) {
          problems.add(
              method + " " + t.path() + " (owner " + t.function() + ") goes to " + targets);
        }
      }
    }
    return problems;
  }
}
