package dev.surge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The walks every check shares: each block of a kind, each string of each file, and from a module
 * call to the module it calls. A check supplies only what it looks for and the problems it adds.
 */
final class Walk {

  private Walk() {}

  /** One block (its module, label and body); adds what is wrong with it to {@code problems}. */
  interface BlockCheck {
    void check(Hcl.Module m, String name, JsonNode body, List<String> problems);
  }

  /** One string value, with its file and dotted path; adds what is wrong to {@code problems}. */
  interface StringCheck {
    void check(Hcl.Module m, String file, String path, String value, List<String> problems);
  }

  /** Runs {@code check} on every block of {@code kind} (variable, module, ...) of every module. */
  static List<String> eachBlock(Map<String, Hcl.Module> modules, String kind, BlockCheck check) {
    List<String> p = new ArrayList<>();
    for (Hcl.Module m : modules.values()) {
      m.blocks(kind).forEach((name, body) -> check.check(m, name, body, p));
    }
    return p;
  }

  /** Runs {@code check} on every string of every file of every module. */
  static List<String> eachString(Map<String, Hcl.Module> modules, StringCheck check) {
    List<String> p = new ArrayList<>();
    for (Hcl.Module m : modules.values()) {
      m.files()
          .forEach(
              (file, root) ->
                  Hcl.strings(file, root, (path, s) -> check.check(m, file, path, s, p)));
    }
    return p;
  }

  /** The parsed module a call's local source points at; null for registry sources and gaps. */
  static Hcl.Module callee(Map<String, Hcl.Module> modules, Hcl.Module caller, JsonNode call) {
    String source = call.path("source").asText();
    return isLocal(source)
        ? modules.get(Path.of(caller.dir()).resolve(source).normalize().toString())
        : null;
  }

  /** Directories of the modules some other parsed module calls; the rest are root modules. */
  static Set<String> calledDirs(Map<String, Hcl.Module> modules) {
    Set<String> called = new TreeSet<>();
    for (Hcl.Module m : modules.values()) {
      for (JsonNode call : m.blocks("module").values()) {
        Hcl.Module callee = callee(modules, m, call);
        if (callee != null) {
          called.add(callee.dir());
        }
      }
    }
    return called;
  }

  static boolean isLocal(String source) {
    return source.startsWith("./") || source.startsWith("../");
  }
}
