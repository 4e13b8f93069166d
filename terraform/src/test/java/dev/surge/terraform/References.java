package dev.surge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reference checks: {@code var.}, {@code local.}, {@code data.}, resource and {@code
 * module.<name>[.<output>]} references resolve inside their module ({@code moved} blocks: {@link
 * Moves}).
 */
final class References {

  static final Pattern VAR = Pattern.compile("\\bvar\\.([A-Za-z_][\\w-]*)");
  static final Pattern LOCAL = Pattern.compile("\\blocal\\.([A-Za-z_][\\w-]*)");
  static final Pattern MODULE =
      Pattern.compile("\\bmodule\\.([A-Za-z_][\\w-]*)(?:\\.([A-Za-z_][\\w-]*))?");
  static final Pattern DATA = Pattern.compile("\\bdata\\.([a-z][a-z0-9_]*)\\.([A-Za-z_][\\w-]*)");
  static final Pattern RESOURCE =
      Pattern.compile(
          "(?<![\\w.])((?:aws|kubernetes|helm|random|tls|kafka)_[a-z0-9_]+)\\.([A-Za-z_][\\w-]*)");

  /** What one module declares, computed once per module rather than once per string. */
  private record Scope(
      Set<String> vars,
      Set<String> locals,
      Set<String> data,
      Set<String> resources,
      Map<String, JsonNode> calls) {
    static Scope of(Hcl.Module m) {
      return new Scope(
          m.blocks("variable").keySet(),
          new TreeSet<>(m.locals()),
          m.typed("data").keySet(),
          m.typed("resource").keySet(),
          m.blocks("module"));
    }
  }

  /** A kind of reference: its pattern, how it is written and what it must be declared as. */
  private record Kind(
      Pattern pattern, String prefix, Function<Scope, Set<String>> declared, String missing) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind(VAR, "var.", Scope::vars, "is not declared"),
          new Kind(LOCAL, "local.", Scope::locals, "is not defined"),
          new Kind(DATA, "data.", Scope::data, "is not declared"),
          new Kind(RESOURCE, "", Scope::resources, "is not declared"));

  private References() {}

  /** var., local., module.(output), data. and resource references resolve inside their module. */
  static List<String> check(Map<String, Hcl.Module> modules) {
    Map<Hcl.Module, Scope> scopes = new IdentityHashMap<>();
    return Walk.eachString(
        modules,
        (m, file, path, s, p) -> {
          // A literal ("aws_lb" in a description) is not a reference; moved addresses name what is
          // gone on purpose and are checked by Moves.
          if (!s.contains("${") || path.startsWith(file + ".moved.")) {
            return;
          }
          Scope scope = scopes.computeIfAbsent(m, Scope::of);
          for (Kind k : KINDS) {
            k.pattern()
                .matcher(s)
                .results()
                .map(References::key)
                .filter(key -> !k.declared().apply(scope).contains(key))
                .forEach(key -> p.add(path + ": " + k.prefix() + key + " " + k.missing()));
          }
          MODULE.matcher(s).results().forEach(r -> moduleRef(modules, m, scope, path, r, p));
        });
  }

  private static void moduleRef(
      Map<String, Hcl.Module> modules,
      Hcl.Module m,
      Scope scope,
      String path,
      MatchResult r,
      List<String> p) {
    JsonNode call = scope.calls().get(r.group(1));
    if (call == null) {
      p.add(path + ": module." + r.group(1) + " is not declared");
      return;
    }
    Hcl.Module callee = Walk.callee(modules, m, call);
    if (callee != null && r.group(2) != null && !callee.blocks("output").containsKey(r.group(2))) {
      p.add(path + ": module." + r.group(1) + " has no output " + r.group(2));
    }
  }

  /** "type.name" of a two-group match, "name" of a one-group match. */
  private static String key(MatchResult r) {
    return IntStream.rangeClosed(1, r.groupCount())
        .mapToObj(r::group)
        .collect(Collectors.joining("."));
  }
}
