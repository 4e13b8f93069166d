package dev.surge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Every .tf file under a root, parsed by HashiCorp's own HCL parser (npm @cdktf/hcl2json, run with
 * node) and grouped by directory, because a Terraform module is a directory, not a file.
 * Expressions stay as text ("${var.x}"), which is what the reference checks need.
 */
final class Hcl {

  /** One Terraform module: all blocks of the .tf files in one directory. */
  record Module(String dir, Map<String, JsonNode> files) {

    /** Blocks of a kind keyed by label, e.g. blocks("variable") -> name -> body. */
    Map<String, JsonNode> blocks(String kind) {
      Map<String, JsonNode> out = new TreeMap<>();
      files
          .values()
          .forEach(
              f ->
                  f.path(kind).properties().forEach(e -> out.put(e.getKey(), e.getValue().get(0))));
      return out;
    }

    /** Two-label blocks (resource, data) as "type.name" -> body. */
    Map<String, JsonNode> typed(String kind) {
      Map<String, JsonNode> out = new TreeMap<>();
      files
          .values()
          .forEach(
              f ->
                  f.path(kind)
                      .properties()
                      .forEach(
                          t ->
                              t.getValue()
                                  .properties()
                                  .forEach(
                                      n ->
                                          out.put(
                                              t.getKey() + "." + n.getKey(),
                                              n.getValue().get(0)))));
      return out;
    }

    List<String> locals() {
      List<String> out = new ArrayList<>();
      files
          .values()
          .forEach(f -> f.path("locals").forEach(l -> l.fieldNames().forEachRemaining(out::add)));
      return out;
    }

    List<JsonNode> terraformBlocks() {
      List<JsonNode> out = new ArrayList<>();
      files.values().forEach(f -> f.path("terraform").forEach(out::add));
      return out;
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();

  /** Parses every .tf under {@code root}; fails with the parser's message on a syntax error. */
  static Map<String, Module> parse(Path root) {
    Map<String, Module> modules = new TreeMap<>();
    files(root).properties().forEach(e -> add(modules, e.getKey(), e.getValue()));
    return modules;
  }

  /**
   * Parses every tree below {@code root} in one run of the parser (it takes a second or two to
   * start): folder name => its modules, with paths relative to that folder, as {@link #parse} would
   * give for it alone.
   */
  static Map<String, Map<String, Module>> parseEach(Path root) {
    Map<String, Map<String, Module>> trees = new TreeMap<>();
    files(root)
        .properties()
        .forEach(
            e -> {
              String[] tree = e.getKey().split("/", 2);
              add(trees.computeIfAbsent(tree[0], t -> new TreeMap<>()), tree[1], e.getValue());
            });
    return trees;
  }

  private static void add(Map<String, Module> modules, String file, JsonNode body) {
    String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : ".";
    modules.computeIfAbsent(dir, d -> new Module(d, new TreeMap<>())).files().put(file, body);
  }

  /** {"<path relative to root>": <HCL as JSON>} for every .tf under {@code root}. */
  private static JsonNode files(Path root) {
    String module =
        System.getProperty("hcl2json.module", "target/hcl2json/node_modules/@cdktf/hcl2json");
    try {
      var pb =
          new ProcessBuilder(
              "node", Path.of("src/test/js/hcl2json.js").toString(), root.toString());
      pb.environment().put("HCL2JSON_MODULE", Path.of(module).toAbsolutePath().toString());
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new HclException("HCL parse failed under " + root + ": " + err.strip());
      }
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new HclException("cannot run node for hcl2json: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HclException("interrupted");
    }
  }

  static final class HclException extends RuntimeException {
    HclException(String message) {
      super(message);
    }
  }

  /** Every string in a JSON tree, with a dotted path for messages. */
  static void strings(
      String path, JsonNode node, java.util.function.BiConsumer<String, String> sink) {
    if (node.isTextual()) {
      sink.accept(path, node.asText());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        strings(path, node.get(i), sink);
      }
    } else if (node.isObject()) {
      node.properties().forEach(e -> strings(path + "." + e.getKey(), e.getValue(), sink));
    }
  }
}
