package dev.surge.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operating side (knative/monitoring, ops/runbook.md): the one rules file passes {@code
 * promtool check rules} and its unit tests ({@code promtool test rules}), every alert has a firing
 * and a silent case, a severity, a summary and a runbook section; the kustomization ships the rules
 * file and every dashboard; every dashboard query is valid PromQL. Without promtool the two
 * promtool runs are skipped with one line; the structural checks still run.
 */
class MonitoringTest {
  static final Path DIR = Path.of("monitoring");
  static final Path RULES = DIR.resolve("rules/surge-alerts.yaml");
  static final Path RULE_TESTS = DIR.resolve("rules/surge-alerts.test.yaml");
  static final Path DASHBOARDS = DIR.resolve("dashboards");
  static final Path RUNBOOK = Path.of("../ops/runbook.md");
  static final Set<String> SEVERITIES = Set.of("critical", "warning");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  /** Alert name → its rule. */
  static Map<String, JsonNode> alerts(Path rules) throws IOException {
    Map<String, JsonNode> alerts = new TreeMap<>();
    for (JsonNode group : YAML.readTree(rules.toFile()).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("alert")) {
          alerts.put(rule.get("alert").asText(), rule);
        }
      }
    }
    return alerts;
  }

  /** Alerts of {@code rules} without a firing or without a silent case in {@code tests}. */
  static List<String> caseProblems(Path rules, Path tests) throws IOException {
    Set<String> firing = new TreeSet<>();
    Set<String> silent = new TreeSet<>();
    for (JsonNode test : YAML.readTree(tests.toFile()).path("tests")) {
      for (JsonNode t : test.path("alert_rule_test")) {
        (t.path("exp_alerts").isEmpty() ? silent : firing).add(t.path("alertname").asText());
      }
    }
    List<String> problems = new ArrayList<>();
    for (String a : alerts(rules).keySet()) {
      if (!firing.contains(a)) {
        problems.add(a + ": no firing case");
      }
      if (!silent.contains(a)) {
        problems.add(a + ": no silent case");
      }
    }
    return problems;
  }

  @Test
  void rulesPassPromtoolCheck() throws Exception {
    var r = promtool("check", "rules", RULES.toString());
    assertTrue(r.ok, () -> "promtool check rules:\n" + r.output);
  }

  @Test
  void rulesPassTheirPromtoolUnitTests() throws Exception {
    var r = promtool("test", "rules", RULE_TESTS.toString());
    assertTrue(r.ok, () -> "promtool test rules:\n" + r.output);
  }

  @Test
  void everyAlertHasAFiringAndASilentCase() throws IOException {
    assertTrue(alerts(RULES).size() >= 12, "at least 12 alerts, found " + alerts(RULES).keySet());
    assertEquals(List.of(), caseProblems(RULES, RULE_TESTS));
  }

  @Test
  void aSeededAlertWithoutASilentCaseIsCaught() throws IOException {
    Path fixture = Path.of("src/test/resources/fixtures/monitoring-no-silent-case");
    assertEquals(
        List.of("SurgeSeeded: no silent case"),
        caseProblems(fixture.resolve("rules.yaml"), fixture.resolve("rules.test.yaml")));
  }

  @Test
  void everyAlertHasSeveritySummaryAndARunbookSection() throws IOException {
    String runbook = Files.readString(RUNBOOK);
    List<String> problems = new ArrayList<>();
    alerts(RULES)
        .forEach(
            (name, rule) -> {
              if (!SEVERITIES.contains(rule.path("labels").path("severity").asText())) {
                problems.add(name + ": severity must be one of " + SEVERITIES);
              }
              if (rule.path("annotations").path("summary").asText().isBlank()) {
                problems.add(name + ": no summary");
              }
              String url = "ops/runbook.md#" + name.toLowerCase(Locale.ROOT);
              if (!url.equals(rule.path("annotations").path("runbook_url").asText())) {
                problems.add(name + ": runbook_url must be " + url);
              }
              if (!runbook.contains("\n## " + name + "\n")) {
                problems.add(name + ": no section '## " + name + "' in ops/runbook.md");
              }
            });
    assertEquals(List.of(), problems);
  }

  @Test
  void theKustomizationShipsTheRulesAndEveryDashboard() throws IOException {
    JsonNode k = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
    Set<String> files = new TreeSet<>();
    k.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> files.add(f.asText())));
    assertTrue(
        files.contains("rules/surge-alerts.yaml"), "rules file not in a ConfigMap: " + files);
    try (Stream<Path> s = Files.list(DASHBOARDS)) {
      s.map(p -> "dashboards/" + p.getFileName())
          .forEach(f -> assertTrue(files.contains(f), f + " is not in the kustomization"));
    }
    files.forEach(f -> assertTrue(Files.isRegularFile(DIR.resolve(f)), f + " does not exist"));
    // The scrape job names every function's job surge-<fn>, as the rules and dashboards expect.
    String scrape = Files.readString(DIR.resolve("scrape.yaml"));
    assertTrue(scrape.contains("replacement: surge-$1"), "scrape.yaml must set job=surge-<fn>");
  }

  @Test
  void theOverviewAndOneDashboardPerFunction() throws IOException {
    Catalog catalog = Catalog.read(Catalog.FUNCTIONS, Catalog.TOPICS);
    Set<String> expected = new TreeSet<>(catalog.functions());
    expected.add("overview");
    Set<String> found = new TreeSet<>();
    try (Stream<Path> s = Files.list(DASHBOARDS)) {
      s.forEach(p -> found.add(p.getFileName().toString().replace(".json", "")));
    }
    assertEquals(expected, found);
  }

  /** Every panel query is valid PromQL: promtool checks them as recording rules. */
  @Test
  void everyDashboardQueryParses() throws Exception {
    ObjectNode file = YAML.createObjectNode();
    ArrayNode rules = file.putArray("groups").addObject().put("name", "panels").putArray("rules");
    try (Stream<Path> s = Files.list(DASHBOARDS)) {
      for (Path p : s.sorted().toList()) {
        for (JsonNode panel : JSON.readTree(p.toFile()).path("panels")) {
          for (JsonNode t : panel.path("targets")) {
            rules
                .addObject()
                .put("record", "panel:query_" + rules.size())
                .put("expr", t.path("expr").asText());
          }
        }
      }
    }
    assertTrue(rules.size() > 50, "dashboards hold " + rules.size() + " queries");
    Path tmp = Files.createTempFile("surge-panels", ".yaml");
    Files.writeString(tmp, YAML.writeValueAsString(file), StandardCharsets.UTF_8);
    var r = promtool("check", "rules", tmp.toString());
    Files.delete(tmp);
    assertTrue(r.ok, () -> "dashboard queries:\n" + r.output);
  }

  record Result(boolean ok, String output) {}

  /** Runs promtool ({@code -Dpromtool.binary}, else on PATH); skips the test when there is none. */
  static Result promtool(String... args) throws Exception {
    String binary = System.getProperty("promtool.binary", "promtool");
    boolean present =
        binary.contains("/")
            ? Files.isExecutable(Path.of(binary))
            : Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, binary)));
    if (!present) {
      // Surefire does not print a skip's reason: this line is what the build shows.
      System.out.println("[monitoring] promtool checks skipped: no promtool on PATH");
    }
    assumeTrue(present, "promtool checks skipped: no promtool on PATH");
    List<String> cmd = new ArrayList<>(List.of(binary));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "promtool did not finish");
    return new Result(p.exitValue() == 0, out);
  }
}
