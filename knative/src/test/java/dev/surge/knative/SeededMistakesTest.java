package dev.surge.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.deployer.kustomize.KustomizeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves each check can fail: fixtures under src/test/resources/fixtures each seed one mistake on
 * top of {@code good/} (a users function plus a `feed` consumer of surge.users.events: a small
 * overlay with its own functions.yaml and topics.yaml); a mistake in the catalog itself is a
 * fixture's functions.yaml or topics.yaml in place of good's.
 */
class SeededMistakesTest {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  static List<String> problems(String fixture, String functions, String topics) {
    return ManifestChecksTest.allProblems(
        FIXTURES.resolve(fixture), FIXTURES.resolve(functions), FIXTURES.resolve(topics));
  }

  @Test
  void goodFixturePasses() {
    assertEquals(List.of(), problems("good", "good/functions.yaml", "good/topics.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown-field      | good/functions.yaml            | good/topics.yaml             | Unrecognized field \"containerConcurency\"",
        "unknown-kind       | good/functions.yaml            | good/topics.yaml             | apps/v1/Deployment is not a kind",
        "missing-service    | missing-service/functions.yaml | good/topics.yaml             | function posts has no Service",
        "good               | good/functions.yaml            | unknown-consumer/topics.yaml | topic surge.users.events: consumer search is not a function",
        "no-dead-letter     | good/functions.yaml            | good/topics.yaml             | deadLetterSink must reference a KafkaSink that exists",
        "wrong-dlt-topic    | good/functions.yaml            | good/topics.yaml             | dead-letter KafkaSink must write to surge.users.events.feed.dlt",
        "sink-missing       | good/functions.yaml            | good/topics.yaml             | sink must be Service feed (existing) with uri /events",
        "source-missing     | good/functions.yaml            | source-missing/topics.yaml   | consumer users of surge.feed.events: no KafkaSource",
        "bad-annotations    | good/functions.yaml            | good/topics.yaml             | unknown autoscaling class kpa",
        "bad-annotations    | good/functions.yaml            | good/topics.yaml             | min-scale must be a non-negative integer, got 'one'",
        "bad-annotations    | good/functions.yaml            | good/topics.yaml             | scale-down-delay '2 minutes'",
        "bad-annotations    | good/functions.yaml            | good/topics.yaml             | concurrency target 500 exceeds containerConcurrency 100",
        "missing-annotation | good/functions.yaml            | good/topics.yaml             | missing annotation autoscaling.knative.dev/max-scale",
        "xmx-mismatch       | good/functions.yaml            | good/topics.yaml             | -Xmx96m must be 25-50% of the 1024Mi memory limit",
        "bad-probe          | good/functions.yaml            | good/topics.yaml             | readinessProbe must GET /q/health/ready",
      })
  void seededMistakeIsReported(String fixture, String functions, String topics, String expected) {
    List<String> problems = problems(fixture, functions, topics);
    assertTrue(
        problems.stream().anyMatch(p -> p.contains(expected)),
        () -> "expected '" + expected + "' in " + problems);
  }

  @Test
  void overlaysThatDoNotRenderAreRejected() {
    var e =
        assertThrows(
            KustomizeException.class,
            () -> Manifests.render(FIXTURES.resolve("render-missing-target")));
    assertTrue(
        e.getMessage().contains("targets missing serving.knative.dev/v1/Service/userz"),
        e.getMessage());
    e =
        assertThrows(
            KustomizeException.class,
            () -> Manifests.render(FIXTURES.resolve("render-unsupported")));
    assertTrue(e.getMessage().contains("field 'images' is not supported"), e.getMessage());
    e =
        assertThrows(
            KustomizeException.class, () -> Manifests.render(FIXTURES.resolve("render-duplicate")));
    assertTrue(e.getMessage().contains("duplicate object"), e.getMessage());
  }
}
