package dev.surge.testing.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The structure every function keeps, as ArchUnit rules over its main classes. A function's test is
 * one line: {@code @TestFactory Stream<DynamicTest> rules() { return
 * SurgeArchitecture.tests("dev.surge.feed"); }}.
 *
 * <p>Layers: {@code api} (resources, request/response records) → {@code domain} (services and the
 * records they return) → {@code data} (repositories and stores: every SQL statement and Redis
 * command); {@code events} handlers call {@code domain}; {@code config} mappings are leaves any
 * layer may read. Shared modules ({@code dev.surge.data}, {@code dev.surge.events} ...) are outside
 * the function's layers: which layer may use them is said by the rules below.
 */
public final class SurgeArchitecture {
  private static final String SQL = "io.vertx..sqlclient..";
  private static final String REDIS_API = "io.quarkus.redis..";
  private static final String REDIS_CLIENT = "io.vertx..redis..";
  private static final String SHARDING = "dev.surge.data..";
  // The blocking and the reactive client: execute(String command, String... args) on either.
  private static final Set<String> REDIS_DATA_SOURCES =
      Set.of(
          "io.quarkus.redis.datasource.RedisDataSource",
          "io.quarkus.redis.datasource.ReactiveRedisDataSource");
  private static final List<String> RAW_COMMAND_PARAMETERS =
      List.of(String.class.getName(), String[].class.getName());

  private SurgeArchitecture() {}

  /** One dynamic test per rule, over the main classes under {@code basePackage}. */
  public static Stream<DynamicTest> tests(String basePackage) {
    JavaClasses classes = mainClasses(basePackage);
    return rules(basePackage).stream()
        .map(rule -> dynamicTest(rule.getDescription(), () -> rule.check(classes)));
  }

  /** The main (non-test) classes under {@code basePackage}, as the rules see them. */
  public static JavaClasses mainClasses(String basePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(basePackage);
  }

  public static List<ArchRule> rules(String basePackage) {
    return List.of(
        layers(basePackage),
        onlyDataTouchesStorage(basePackage),
        onlyDataRoutesShards(basePackage),
        noRawRedisCommands());
  }

  /** api → domain → data, events → domain, config is a leaf. */
  public static ArchRule layers(String base) {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("api")
        .definedBy(base + ".api..")
        .layer("domain")
        .definedBy(base + ".domain..")
        .layer("data")
        .definedBy(base + ".data..")
        .layer("events")
        .definedBy(base + ".events..")
        .layer("config")
        .definedBy(base + ".config..")
        .whereLayer("api")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("events")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("domain")
        .mayOnlyBeAccessedByLayers("api", "events")
        .whereLayer("data")
        .mayOnlyBeAccessedByLayers("domain")
        .whereLayer("config")
        .mayOnlyBeAccessedByLayers("api", "domain", "data", "events")
        .as("layers run api -> domain -> data and events -> domain; config is a leaf");
  }

  /** SQL and Redis live in data: no other package of the function holds a client of either. */
  public static ArchRule onlyDataTouchesStorage(String base) {
    return onlyDataUses(base, "the SQL and Redis clients", SQL, REDIS_API, REDIS_CLIENT);
  }

  /** Services never route shards: the shard map and its router are the data layer's business. */
  public static ArchRule onlyDataRoutesShards(String base) {
    return onlyDataUses(base, "the sharded data layer (shared-data)", SHARDING);
  }

  private static ArchRule onlyDataUses(String base, String what, String... packages) {
    return noClasses()
        .that()
        .resideInAPackage(base + "..")
        .and()
        .resideOutsideOfPackage(base + ".data..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages)
        .as("only data packages use " + what);
  }

  /**
   * Redis commands go through the typed API ({@code redis.value(..).get(..)}); only a Lua script,
   * run with the {@code Command.EVAL}/{@code EVALSHA} enum, may name commands, inside its script.
   */
  public static ArchRule noRawRedisCommands() {
    return noClasses()
        .should()
        .callMethodWhere(
            describe(
                "execute(String, String[]) of a Redis data source",
                call ->
                    REDIS_DATA_SOURCES.contains(call.getTargetOwner().getName())
                        && call.getName().equals("execute")
                        && call.getTarget().getRawParameterTypes().stream()
                            .map(JavaClass::getName)
                            .toList()
                            .equals(RAW_COMMAND_PARAMETERS)))
        .as("no Redis command is sent as a raw string");
  }
}
