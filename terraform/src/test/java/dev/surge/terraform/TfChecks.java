package dev.surge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Static checks over parsed Terraform, each returning problems (empty = pass). They cover what a
 * reviewer would otherwise eyeball; what they cannot see is listed in terraform/README.md.
 */
final class TfChecks {

  static final Set<String> META_ARGS =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");
  static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|secret_string|token|private_key|jaas|api_key).*");
  static final Pattern EXACT_VERSION = Pattern.compile("^=?\\s*\\d+\\.\\d+\\.\\d+$");
  static final Pattern VAR = Pattern.compile("\\bvar\\.([A-Za-z_][\\w-]*)");
  static final Pattern LOCAL = Pattern.compile("\\blocal\\.([A-Za-z_][\\w-]*)");
  static final Pattern MODULE =
      Pattern.compile("\\bmodule\\.([A-Za-z_][\\w-]*)(?:\\.([A-Za-z_][\\w-]*))?");
  static final Pattern DATA = Pattern.compile("\\bdata\\.([a-z][a-z0-9_]*)\\.([A-Za-z_][\\w-]*)");
  static final Pattern RESOURCE =
      Pattern.compile(
          "(?<![\\w.])((?:aws|kubernetes|helm|random|tls|kafka)_[a-z0-9_]+)\\.([A-Za-z_][\\w-]*)");

  private TfChecks() {}

  /**
   * Every variable has a type, a description and a validation; secret ones are sensitive with no
   * default.
   */
  static List<String> variables(Map<String, Hcl.Module> modules) {
    List<String> p = new ArrayList<>();
    modules
        .values()
        .forEach(
            m ->
                m.blocks("variable")
                    .forEach(
                        (name, v) -> {
                          String where = m.dir() + ": variable " + name;
                          for (String attr : List.of("type", "description", "validation")) {
                            if (!v.has(attr)
                                || v.get(attr).asText().isBlank()
                                    && !v.get(attr).isContainerNode()) {
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
                        }));
    return p;
  }

  /**
   * Module calls to local modules pass only declared variables and every required one; registry
   * modules pin a version.
   */
  static List<String> moduleCalls(Map<String, Hcl.Module> modules) {
    List<String> p = new ArrayList<>();
    modules
        .values()
        .forEach(
            m ->
                m.blocks("module")
                    .forEach(
                        (name, call) -> {
                          String where = m.dir() + ": module " + name;
                          String source = call.path("source").asText();
                          if (!source.startsWith("./") && !source.startsWith("../")) {
                            if (!EXACT_VERSION.matcher(call.path("version").asText()).matches()) {
                              p.add(where + " (" + source + ") must pin an exact version");
                            }
                            return;
                          }
                          String target = Path.of(m.dir()).resolve(source).normalize().toString();
                          Hcl.Module callee = modules.get(target);
                          if (callee == null) {
                            p.add(where + ": source " + source + " has no .tf files");
                            return;
                          }
                          Map<String, JsonNode> declared = callee.blocks("variable");
                          Set<String> passed = new TreeSet<>();
                          call.fieldNames()
                              .forEachRemaining(
                                  f -> {
                                    if (!META_ARGS.contains(f)) passed.add(f);
                                  });
                          passed.stream()
                              .filter(a -> !declared.containsKey(a))
                              .forEach(a -> p.add(where + " passes undeclared variable " + a));
                          declared.forEach(
                              (v, body) -> {
                                if (!body.has("default") && !passed.contains(v))
                                  p.add(where + " misses required variable " + v);
                              });
                        }));
    return p;
  }

  /** var., local., module.(output), data. and resource references resolve inside their module. */
  static List<String> references(Map<String, Hcl.Module> modules) {
    List<String> p = new ArrayList<>();
    modules
        .values()
        .forEach(
            m -> {
              Set<String> vars = m.blocks("variable").keySet();
              Set<String> locals = new TreeSet<>(m.locals());
              Map<String, JsonNode> calls = m.blocks("module");
              Set<String> data = m.typed("data").keySet();
              Set<String> resources = m.typed("resource").keySet();
              m.files()
                  .forEach(
                      (file, root) ->
                          Hcl.strings(
                              file,
                              root,
                              (path, s) -> {
                                if (!s.contains("${")) {
                                  return; // a literal: "aws_lb" in a description is not a reference
                                }
                                VAR.matcher(s)
                                    .results()
                                    .map(r -> r.group(1))
                                    .filter(v -> !vars.contains(v))
                                    .forEach(v -> p.add(path + ": var." + v + " is not declared"));
                                LOCAL
                                    .matcher(s)
                                    .results()
                                    .map(r -> r.group(1))
                                    .filter(l -> !locals.contains(l))
                                    .forEach(l -> p.add(path + ": local." + l + " is not defined"));
                                DATA.matcher(s)
                                    .results()
                                    .filter(r -> !data.contains(r.group(1) + "." + r.group(2)))
                                    .forEach(
                                        r ->
                                            p.add(
                                                path
                                                    + ": data."
                                                    + r.group(1)
                                                    + "."
                                                    + r.group(2)
                                                    + " is not declared"));
                                RESOURCE
                                    .matcher(s)
                                    .results()
                                    .filter(r -> !resources.contains(r.group(1) + "." + r.group(2)))
                                    .forEach(
                                        r ->
                                            p.add(
                                                path
                                                    + ": "
                                                    + r.group(1)
                                                    + "."
                                                    + r.group(2)
                                                    + " is not declared"));
                                MODULE
                                    .matcher(s)
                                    .results()
                                    .forEach(
                                        r -> {
                                          JsonNode call = calls.get(r.group(1));
                                          if (call == null) {
                                            p.add(
                                                path
                                                    + ": module."
                                                    + r.group(1)
                                                    + " is not declared");
                                            return;
                                          }
                                          String source = call.path("source").asText();
                                          Hcl.Module callee =
                                              source.startsWith(".")
                                                  ? modules.get(
                                                      Path.of(m.dir())
                                                          .resolve(source)
                                                          .normalize()
                                                          .toString())
                                                  : null;
                                          if (callee != null
                                              && r.group(2) != null
                                              && !callee.blocks("output").containsKey(r.group(2))) {
                                            p.add(
                                                path
                                                    + ": module."
                                                    + r.group(1)
                                                    + " has no output "
                                                    + r.group(2));
                                          }
                                        });
                              }));
            });
    return p;
  }

  /**
   * No attribute that names a secret has a literal value (it must come from a variable or
   * resource).
   */
  static List<String> secretLiterals(Map<String, Hcl.Module> modules) {
    List<String> p = new ArrayList<>();
    modules
        .values()
        .forEach(
            m ->
                m.files()
                    .forEach(
                        (file, root) ->
                            Hcl.strings(
                                file,
                                root,
                                (path, s) -> {
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
                                })));
    return p;
  }

  /** Every required_providers entry pins an exact version. */
  static List<String> providerPins(Map<String, Hcl.Module> modules) {
    List<String> p = new ArrayList<>();
    modules
        .values()
        .forEach(
            m ->
                m.terraformBlocks()
                    .forEach(
                        t ->
                            t.path("required_providers")
                                .forEach(
                                    rp ->
                                        rp.properties()
                                            .forEach(
                                                e -> {
                                                  if (!EXACT_VERSION
                                                      .matcher(
                                                          e.getValue().path("version").asText())
                                                      .matches()) {
                                                    p.add(
                                                        m.dir()
                                                            + ": provider "
                                                            + e.getKey()
                                                            + " must pin an exact version, has '"
                                                            + e.getValue().path("version").asText()
                                                            + "'");
                                                  }
                                                }))));
    return p;
  }

  static List<String> all(Map<String, Hcl.Module> modules) {
    List<String> p = new ArrayList<>();
    p.addAll(variables(modules));
    p.addAll(moduleCalls(modules));
    p.addAll(references(modules));
    p.addAll(secretLiterals(modules));
    p.addAll(providerPins(modules));
    return p;
  }
}
