package dev.surge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code moved} blocks, which record where components went when the layout changed. */
final class Moves {

  private Moves() {}

  /**
   * Every {@code moved} block moves to an address that exists (module calls followed through local
   * modules, optionally ending in a resource) from one that no longer does: Terraform rejects a
   * move whose source is still declared, and one to nowhere would destroy what it meant to keep.
   */
  static List<String> check(Map<String, Hcl.Module> modules) {
    List<String> p = new ArrayList<>();
    for (Hcl.Module m : modules.values()) {
      m.files()
          .forEach(
              (file, root) ->
                  root.path("moved")
                      .forEach(
                          mv -> {
                            String from = address(mv.path("from"));
                            String to = address(mv.path("to"));
                            String where = file + ": moved " + from + " -> " + to + ": ";
                            if (exists(modules, m, from)) {
                              p.add(where + from + " is still declared");
                            }
                            if (!exists(modules, m, to)) {
                              p.add(where + to + " does not exist");
                            }
                          }));
    }
    return p;
  }

  private static String address(JsonNode n) {
    return n.asText().replaceAll("^\\$\\{|}$", "");
  }

  /** module.a.module.b[.type.name]: each call is looked up in the module the previous one calls. */
  private static boolean exists(Map<String, Hcl.Module> modules, Hcl.Module m, String address) {
    String[] parts = address.split("\\.");
    int i = 0;
    for (; i + 1 < parts.length && parts[i].equals("module"); i += 2) {
      JsonNode call = m == null ? null : m.blocks("module").get(parts[i + 1]);
      if (call == null) {
        return false;
      }
      m = Walk.callee(modules, m, call);
    }
    if (i == parts.length) {
      return true;
    }
    // Inside a registry module (m == null) nothing can be looked up: reported as missing.
    return m != null
        && i + 2 == parts.length
        && m.typed("resource").containsKey(parts[i] + "." + parts[i + 1]);
  }
}
