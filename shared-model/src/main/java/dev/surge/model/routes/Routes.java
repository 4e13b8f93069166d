package dev.surge.model.routes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The public routes, as declared once in {@code surge/routes.yaml} (this module's resources; the
 * local entry, the Gateway API routes and every function's guard read the same file). Loaded once
 * per process.
 */
public final class Routes {
  /** Where the file sits on the classpath. */
  public static final String RESOURCE = "surge/routes.yaml";

  private static final Routes LOADED = load();

  /** Who may call a route. */
  public enum Auth {
    @JsonProperty("none")
    NONE,
    @JsonProperty("user")
    USER,
    @JsonProperty("admin")
    ADMIN
  }

  /** Whether a route honours, or requires, an {@code Idempotency-Key} header. */
  public enum Idempotency {
    @JsonProperty("none")
    NONE,
    @JsonProperty("optional")
    OPTIONAL,
    @JsonProperty("required")
    REQUIRED
  }

  /** One public path template with the methods its owner serves there. */
  @RegisterForReflection
  public record Route(
      String path,
      List<String> methods,
      String function,
      Auth auth,
      String limit,
      Idempotency idempotency,
      @JsonProperty("switch") String killSwitch) {
    public Route {
      methods = List.copyOf(methods);
      idempotency = idempotency == null ? Idempotency.NONE : idempotency;
    }

    /** The template's segments, e.g. {@code [users, {id}, posts]}. */
    public List<String> segments() {
      return List.of(path.substring(1).split("/"));
    }

    /** Whether a concrete path (no query) fits this template. */
    public boolean matches(String concretePath) {
      List<String> mine = segments();
      String[] theirs =
          concretePath.startsWith("/") ? concretePath.substring(1).split("/", -1) : new String[0];
      if (theirs.length != mine.size()) {
        return false;
      }
      for (int i = 0; i < theirs.length; i++) {
        String segment = mine.get(i);
        boolean variable = segment.startsWith("{");
        if (theirs[i].isEmpty() || (!variable && !segment.equals(theirs[i]))) {
          return false;
        }
      }
      return true;
    }

    /** How many segments are literal: the more specific template wins. */
    long literals() {
      return segments().stream().filter(s -> !s.startsWith("{")).count();
    }
  }

  @RegisterForReflection
  private record File(List<Route> routes, List<String> internal) {}

  private final File file;

  private Routes(File file) {
    this.file = file;
  }

  /** Every route, in file order. */
  public static List<Route> all() {
    return LOADED.file.routes();
  }

  /** The path prefixes served on each function's own port only, never on the public entry. */
  public static List<String> internal() {
    return LOADED.file.internal();
  }

  /** The routes {@code function} owns. */
  public static List<Route> ownedBy(String function) {
    return all().stream().filter(r -> r.function().equals(function)).toList();
  }

  /**
   * The route serving {@code method} on {@code path}: among the templates that fit the path, the
   * most literal one (JAX-RS's rule); empty when no template fits or it does not serve the method.
   */
  public static Optional<Route> match(String method, String path) {
    return all().stream()
        .filter(r -> r.matches(path))
        .max(
            Comparator.comparingLong(Route::literals)
                .thenComparing(r -> r.methods().contains(method)))
        .filter(r -> r.methods().contains(method));
  }

  private static Routes load() {
    try (InputStream in = Routes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      File file =
          YAMLMapper.builder()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .build()
              .readValue(in, File.class);
      return new Routes(new File(List.copyOf(file.routes()), List.copyOf(file.internal())));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + RESOURCE, e);
    }
  }
}
