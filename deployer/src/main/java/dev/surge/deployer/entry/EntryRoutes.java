package dev.surge.deployer.entry;

import dev.surge.model.routes.Routes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The route table as an entry sees it: one entry per path (the table may list a path twice, once
 * per auth class), in the order an entry must try them so that a literal segment beats a template
 * one, as in {@link Routes#match}.
 *
 * @param path the template, e.g. {@code /users/{id}/posts}
 * @param function the owner; an entry routes by path only, so one path has one owner
 * @param methods the methods served there, in table order
 */
public record EntryRoutes(String path, String function, List<String> methods) {

  /** Whether the path has no {@code {param}} segment (an exact match is enough). */
  public boolean literal() {
    return !path.contains("{");
  }

  /** The template as an anchored regex: {@code ^/users/[^/]+/posts$}. */
  public String regex() {
    StringBuilder sb = new StringBuilder("^");
    for (String segment : path.substring(1).split("/")) {
      sb.append('/');
      sb.append(segment.startsWith("{") ? "[^/]+" : segment.replaceAll("[^A-Za-z0-9_-]", "\\\\$0"));
    }
    return sb.append('$').toString();
  }

  private long literals() {
    return List.of(path.substring(1).split("/")).stream().filter(s -> !s.startsWith("{")).count();
  }

  /** The table's routes merged per path, most literal first; refuses what no entry can route. */
  public static List<EntryRoutes> of(List<Routes.Route> routes, List<String> internal) {
    Map<String, String> owners = new LinkedHashMap<>();
    Map<String, Set<String>> methods = new LinkedHashMap<>();
    for (Routes.Route r : routes) {
      if (!r.path().startsWith("/") || !r.path().matches("[A-Za-z0-9_/{}.-]+")) {
        throw new IllegalArgumentException("route path '" + r.path() + "' is not a plain template");
      }
      for (String prefix : internal) {
        if (r.path().startsWith(prefix)) {
          throw new IllegalArgumentException(
              "route " + r.path() + " lies under the internal prefix " + prefix);
        }
      }
      String owner = owners.putIfAbsent(r.path(), r.function());
      if (owner != null && !owner.equals(r.function())) {
        throw new IllegalArgumentException(
            r.path() + " is owned by both " + owner + " and " + r.function());
      }
      methods.computeIfAbsent(r.path(), p -> new LinkedHashSet<>()).addAll(r.methods());
    }
    List<EntryRoutes> out = new ArrayList<>();
    owners.forEach((p, fn) -> out.add(new EntryRoutes(p, fn, List.copyOf(methods.get(p)))));
    out.sort(Comparator.comparingLong(EntryRoutes::literals).reversed());
    return List.copyOf(out);
  }
}
