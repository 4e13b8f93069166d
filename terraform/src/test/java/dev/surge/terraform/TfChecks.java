package dev.surge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Static checks over parsed Terraform, each returning problems (empty = pass). They cover what a
 * reviewer would otherwise eyeball; what they cannot see is listed in terraform/README.md. The
 * walks over the modules are in {@link Walk}, so each check here is only what it looks for.
 */
final class TfChecks {

  static final Set<String> META_ARGS =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");
  static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|secret_string|token|private_key|jaas|api_key).*");
  static final Pattern EXACT_VERSION = Pattern.compile("^=?\\s*\\d+\\.\\d+\\.\\d+$");
  static final String BOOL = "${bool}";
  static final Pattern MINIMUM_VERSION = Pattern.compile("^>=\\s*\\d+\\.\\d+\\.\\d+$");

  private TfChecks() {}

  /**
   * Every variable has a type, a description and a validation (a bool needs none: its type is the
   * whole rule); secret ones are sensitive with no default.
   */
  static List<String> variables(Map<String, Hcl.Module> modules) {
    return Walk.eachBlock(
        modules,
        "variable",
        (m, name, v, p) -> {
          String where = m.dir() + ": variable " + name;
          for (String attr : List.of("type", "description", "validation")) {
            // A bool's type admits only valid values: a validation could only repeat it.
            boolean typeSuffices =
                attr.equals("validation") && BOOL.equals(v.path("type").asText());
            if (!typeSuffices
                && (!v.has(attr)
                    || v.get(attr).asText().isBlank() && !v.get(attr).isContainerNode())) {
              p.add(where + " has no " + attr);
            }
          }
          if (SECRET_NAME.matcher(name).matches() || name.equals("credentials")) {
            if (!v.path("sensitive").asBoolean(false)) {
              p.add(where + " holds a secret but is not sensitive = true");
            }
            if (v.has("default")) {
              p.add(where + " holds a secret and must not have a default");
            }
          }
        });
  }

  /**
   * Module calls to local modules pass only declared variables and every required one; registry
   * modules pin a version.
   */
  static List<String> moduleCalls(Map<String, Hcl.Module> modules) {
    return Walk.eachBlock(
        modules,
        "module",
        (m, name, call, p) -> {
          String where = m.dir() + ": module " + name;
          String source = call.path("source").asText();
          if (!Walk.isLocal(source)) {
            if (!EXACT_VERSION.matcher(call.path("version").asText()).matches()) {
              p.add(where + " (" + source + ") must pin an exact version");
            }
            return;
          }
          Hcl.Module target = Walk.callee(modules, m, call);
          if (target == null) {
            p.add(where + ": source " + source + " has no .tf files");
            return;
          }
          Map<String, JsonNode> declared = target.blocks("variable");
          Set<String> passed = new TreeSet<>();
          call.fieldNames().forEachRemaining(passed::add);
          passed.removeAll(META_ARGS);
          passed.stream()
              .filter(a -> !declared.containsKey(a))
              .forEach(a -> p.add(where + " passes undeclared variable " + a));
          declared.forEach(
              (v, body) -> {
                if (!body.has("default") && !passed.contains(v)) {
                  p.add(where + " misses required variable " + v);
                }
              });
        });
  }

  /**
   * No attribute that names a secret has a literal value (it must come from a variable or
   * resource).
   */
  static List<String> secretLiterals(Map<String, Hcl.Module> modules) {
    return Walk.eachString(
        modules,
        (m, file, path, s, p) -> {
          String attr = path.substring(path.lastIndexOf('.') + 1);
          boolean inVariable = path.startsWith(file + ".variable.");
          if (!inVariable
              && SECRET_NAME.matcher(attr).matches()
              && !s.contains("${")
              && !s.isEmpty()) {
            p.add(
                path
                    + " is a literal secret; take it from the secrets module or a sensitive variable");
          }
        });
  }

  /**
   * A root module (one no other module calls) pins every provider to an exact version; a called
   * module states only the minimum it needs ({@code >= x.y.z}), so an upgrade is one line in the
   * root and never conflicts with a module's own pin.
   */
  static List<String> providerPins(Map<String, Hcl.Module> modules) {
    Set<String> called = Walk.calledDirs(modules);
    List<String> p = new ArrayList<>();
    for (Hcl.Module m : modules.values()) {
      boolean root = !called.contains(m.dir());
      Pattern wanted = root ? EXACT_VERSION : MINIMUM_VERSION;
      String rule = root ? "pin an exact version" : "state only a minimum version (>= x.y.z)";
      for (JsonNode t : m.terraformBlocks()) {
        for (JsonNode rp : t.path("required_providers")) {
          rp.properties()
              .forEach(
                  e -> {
                    String version = e.getValue().path("version").asText();
                    if (!wanted.matcher(version).matches()) {
                      p.add(
                          m.dir()
                              + ": provider "
                              + e.getKey()
                              + " must "
                              + rule
                              + ", has '"
                              + version
                              + "'");
                    }
                  });
        }
      }
    }
    return p;
  }

  static List<String> all(Map<String, Hcl.Module> modules) {
    List<String> p = new ArrayList<>();
    p.addAll(variables(modules));
    p.addAll(moduleCalls(modules));
    p.addAll(References.check(modules));
    p.addAll(Moves.check(modules));
    p.addAll(secretLiterals(modules));
    p.addAll(providerPins(modules));
    return p;
  }
}
