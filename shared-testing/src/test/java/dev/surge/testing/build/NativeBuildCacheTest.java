package dev.surge.testing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * native-build.sh's content-addressed cache, run for real on a copy of the repository: every input
 * changes the key, what is not an input does not, a stored key is reused without building and
 * SURGE_NATIVE_CACHE=0 always builds. native-image and Maven are stand-ins (a script that prints a
 * version, a mvnw that writes a fake executable), so this runs in seconds.
 */
class NativeBuildCacheTest {

  @TempDir Path repo;
  @TempDir Path graal;
  @TempDir Path cache;

  @BeforeEach
  void copyRepository() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    for (String part :
        List.of("native-build.sh", "pom.xml", ".mvn", "functions/users", "README.md")) {
      copy(root.resolve(part), repo.resolve(part));
    }
    try (Stream<Path> shared = Files.list(root)) {
      for (Path dir :
          shared.filter(p -> p.getFileName().toString().startsWith("shared-")).toList()) {
        copy(dir, repo.resolve(dir.getFileName()));
      }
    }
    // mvnw stand-in: "builds" by writing the executable and its artifact file.
    write(
        "mvnw",
        """
        #!/bin/sh
        mkdir -p functions/users/target
        echo built > functions/users/target/users-1.0.0-SNAPSHOT-runner
        chmod +x functions/users/target/users-1.0.0-SNAPSHOT-runner
        echo type=native > functions/users/target/quarkus-artifact.properties
        echo build_seconds=1 > functions/users/target/native-build.properties
        echo "fake mvnw $*"
        """);
    repo.resolve("mvnw").toFile().setExecutable(true);
    toolchain("25.0.3");
  }

  @Test
  void everyInputChangesTheKeyAndNothingElseDoes() throws Exception {
    String key = key();
    assertEquals(key, key(), "same inputs, same key");

    append("functions/users/src/test/java/Note.java", "// a test is not an input\n");
    append("README.md", "docs are not an input\n");
    append("functions/orders/pom.xml", "<!-- another function's pom is not an input -->\n");
    assertEquals(key, key());

    for (String input :
        List.of(
            "functions/users/src/main/resources/application.properties",
            "shared-data/src/main/resources/META-INF/microprofile-config.properties",
            "shared-model/src/main/java/dev/surge/model/Extra.java",
            "functions/users/pom.xml",
            "shared-guard/pom.xml",
            "pom.xml")) {
      String before = key();
      append(input, "\n# changed\n");
      assertNotEquals(before, key(), input + " is an input");
    }

    String before = key();
    toolchain("25.0.4");
    assertNotEquals(before, key(), "the toolchain is an input");

    before = key();
    Path script = repo.resolve("native-build.sh");
    Files.writeString(
        script,
        Files.readString(script).replace("-DskipTests -Dnative", "-DskipTests -Dnative -X"));
    assertNotEquals(before, key(), "the build flags are an input");
  }

  @Test
  void aStoredExecutableIsReusedAndAnyChangeRebuilds() throws Exception {
    String first = run(Map.of(), "users");
    assertTrue(first.contains("no cached executable"), first);
    assertTrue(first.contains("fake mvnw"), first);

    String second = run(Map.of(), "users");
    assertTrue(second.contains("reused the cached executable " + key()), second);
    assertFalse(second.contains("fake mvnw"), second);
    assertTrue(Files.exists(repo.resolve("functions/users/target/users-1.0.0-SNAPSHOT-runner")));

    append("shared-cache/src/main/java/dev/surge/cache/Extra.java", "// changed\n");
    String third = run(Map.of(), "users");
    assertTrue(third.contains("fake mvnw"), "a changed input rebuilds: " + third);

    String off = run(Map.of("SURGE_NATIVE_CACHE", "0"), "users");
    assertTrue(off.contains("cache off") && off.contains("fake mvnw"), off);
  }

  private String key() throws Exception {
    return run(Map.of(), "--key", "users").strip();
  }

  private String run(Map<String, String> env, String... args) throws Exception {
    List<String> command =
        Stream.concat(Stream.of("bash", "native-build.sh"), Stream.of(args)).toList();
    ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile());
    builder.redirectErrorStream(true);
    builder.environment().put("GRAALVM_HOME", graal.toString());
    builder.environment().put("SURGE_NATIVE_CACHE_DIR", cache.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    return output;
  }

  private void toolchain(String version) throws IOException {
    Path bin = Files.createDirectories(graal.resolve("bin"));
    Files.writeString(
        bin.resolve("native-image"), "#!/bin/sh\necho native-image " + version + "\n");
    bin.resolve("native-image").toFile().setExecutable(true);
  }

  private void append(String file, String text) throws IOException {
    Path path = repo.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private void write(String file, String text) throws IOException {
    Files.writeString(repo.resolve(file), text);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.filter(p -> !p.toString().contains("/target")).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(source, target);
        }
      }
    }
  }
}
