package dev.surge.terraform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The terraform binary, run offline: providers come only from a local filesystem mirror (written
 * into a CLI configuration under target/), each working directory keeps its .terraform data under
 * target/ too, and nothing phones home. Build machines have no registry access, so what needs a
 * provider or registry module the mirror lacks cannot be initialised: {@link #notInstallable} says
 * which, before trying.
 */
final class Terraform {

  /** Exit code and the merged stdout/stderr of one command. */
  record Result(int exit, String output) {
    boolean ok() {
      return exit == 0;
    }
  }

  private final Path binary;
  private final Path mirror;
  private final Path work;

  private Terraform(Path binary, Path mirror, Path work) {
    this.binary = binary;
    this.mirror = mirror;
    this.work = work;
  }

  /**
   * The binary ({@code -Dterraform.binary}, else {@code terraform} on PATH) and the mirror ({@code
   * -Dterraform.mirror}, else Terraform's implied local mirror folders and the folders under /opt):
   * empty, with the reason in {@code why}, when either is missing.
   */
  static Optional<Terraform> locate(Path work, StringBuilder why) {
    Optional<Path> binary =
        Optional.ofNullable(System.getProperty("terraform.binary"))
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .or(() -> onPath("terraform"))
            .filter(Files::isExecutable);
    if (binary.isEmpty()) {
      why.append("no terraform binary on PATH (or -Dterraform.binary)");
      return Optional.empty();
    }
    Optional<Path> mirror = mirror();
    if (mirror.isEmpty()) {
      why.append(
          "no provider mirror holding registry.terraform.io (set -Dterraform.mirror=<folder>)");
      return Optional.empty();
    }
    Terraform tf = new Terraform(binary.get(), mirror.get(), work.toAbsolutePath());
    tf.writeCliConfig();
    return Optional.of(tf);
  }

  /** Runs {@code terraform args...} in {@code dir}; {@code data} names its .terraform folder. */
  Result run(Path dir, String data, String... args) {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(List.of(args));
    var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("TF_CLI_CONFIG_FILE", work.resolve("cli.tfrc").toString());
    env.put("TF_DATA_DIR", work.resolve("data").resolve(data.replace('/', '_')).toString());
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    env.put("CHECKPOINT_DISABLE", "1"); // no version check against checkpoint.hashicorp.com
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return new Result(-1, "timed out: " + command);
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted: " + command);
    }
  }

  /**
   * init, validate and, when the module has tests/*.tftest.hcl, test: the first that fails, else
   * the last. init writes a .terraform.lock.hcl next to the module; one that was not there before
   * is removed again (a module's lock file is no one's to commit).
   */
  Result initValidateTest(Path dir, String data) {
    Path lock = dir.resolve(".terraform.lock.hcl");
    boolean hadLock = Files.exists(lock);
    try {
      Result r = run(dir, data, "init", "-backend=false", "-no-color");
      if (r.ok()) {
        r = run(dir, data, "validate", "-no-color");
      }
      if (r.ok() && Files.isDirectory(dir.resolve("tests"))) {
        r = run(dir, data, "test", "-no-color");
      }
      return r;
    } finally {
      if (!hadLock) {
        try {
          Files.deleteIfExists(lock);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /**
   * Why {@code m} cannot be initialised from the mirror (registry modules, or providers the mirror
   * has in no matching version, in it or in the local modules it calls), or null if it can.
   */
  String notInstallable(Map<String, Hcl.Module> modules, Hcl.Module m) {
    Map<String, List<String>> providers = new TreeMap<>();
    var registryModules = new TreeSet<String>();
    collect(modules, m, providers, registryModules, new TreeSet<>());
    var missing = new TreeSet<String>();
    providers.forEach(
        (source, constraints) -> {
          if (!mirrored(source, constraints)) {
            missing.add(source + " " + String.join(", ", constraints));
          }
        });
    if (missing.isEmpty() && registryModules.isEmpty()) {
      return null;
    }
    List<String> why = new ArrayList<>();
    if (!missing.isEmpty()) {
      why.add("providers not in the mirror: " + missing);
    }
    if (!registryModules.isEmpty()) {
      why.add("registry modules: " + registryModules);
    }
    return String.join("; ", why);
  }

  private static void collect(
      Map<String, Hcl.Module> modules,
      Hcl.Module m,
      Map<String, List<String>> providers,
      TreeSet<String> registryModules,
      TreeSet<String> seen) {
    if (!seen.add(m.dir())) {
      return;
    }
    for (var t : m.terraformBlocks()) {
      for (var rp : t.path("required_providers")) {
        rp.properties()
            .forEach(
                e ->
                    providers
                        .computeIfAbsent(
                            e.getValue().path("source").asText().toLowerCase(),
                            s -> new ArrayList<>())
                        .add(e.getValue().path("version").asText()));
      }
    }
    for (var call : m.blocks("module").values()) {
      Hcl.Module callee = Walk.callee(modules, m, call);
      if (callee == null) {
        registryModules.add(call.path("source").asText());
      } else {
        collect(modules, callee, providers, registryModules, seen);
      }
    }
  }

  /** Whether the mirror holds a version of {@code source} that meets every constraint. */
  private boolean mirrored(String source, List<String> constraints) {
    Path versions = mirror.resolve("registry.terraform.io").resolve(source);
    if (!Files.isDirectory(versions)) {
      return false;
    }
    try (Stream<Path> dirs = Files.list(versions)) {
      return dirs.map(d -> d.getFileName().toString())
          .filter(v -> v.matches("\\d+(\\.\\d+)*")) // pre-releases are never chosen implicitly
          .anyMatch(v -> constraints.stream().allMatch(c -> meets(v, c)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether version {@code v} meets a constraint such as "5.100.0", ">= 5.84.0" or "< 6.0.0, >=
   * 5.0.0"; an operator this does not know (~>) counts as unmet, so the module is skipped rather
   * than initialised with a guess.
   */
  static boolean meets(String v, String constraint) {
    for (String clause : constraint.split(",")) {
      var m = CLAUSE.matcher(clause.strip());
      if (!m.matches()) {
        return false;
      }
      int c = compare(v, m.group(2));
      boolean ok =
          switch (m.group(1)) {
            case "", "=" -> c == 0;
            case "!=" -> c != 0;
            case ">=" -> c >= 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case "<" -> c < 0;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern CLAUSE = Pattern.compile("(|=|!=|>=|>|<=|<)\\s*(\\d+(?:\\.\\d+)*)");

  private static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int d =
          Integer.compare(
              i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }

  private void writeCliConfig() {
    String config =
        """
        # Written by the Terraform checks: providers only from the local mirror, never a registry.
        provider_installation {
          filesystem_mirror {
            path = "%s"
          }
          direct {
            exclude = ["registry.terraform.io/*/*"]
          }
        }
        """
            .formatted(mirror.toString().replace("\\", "\\\\"));
    try {
      Files.createDirectories(work);
      Files.writeString(work.resolve("cli.tfrc"), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> onPath(String name) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(s -> Path.of(s, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static Optional<Path> mirror() {
    String configured = System.getProperty("terraform.mirror", "");
    if (!configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Terraform::isMirror);
    }
    String home = System.getProperty("user.home");
    List<Path> candidates =
        new ArrayList<>(
            List.of(
                Path.of(home, ".terraform.d", "plugins"),
                Path.of(home, ".local", "share", "terraform", "plugins"),
                Path.of("/usr/local/share/terraform/plugins"),
                Path.of("/usr/share/terraform/plugins")));
    if (Files.isDirectory(Path.of("/opt"))) {
      try (Stream<Path> opt = Files.list(Path.of("/opt"))) {
        opt.sorted().forEach(candidates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return candidates.stream().filter(Terraform::isMirror).findFirst();
  }

  private static boolean isMirror(Path dir) {
    return Files.isDirectory(dir.resolve("registry.terraform.io"));
  }
}
