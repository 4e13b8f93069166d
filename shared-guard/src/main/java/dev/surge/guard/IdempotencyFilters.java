package dev.surge.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.model.problem.ProblemException;
import dev.surge.model.problem.ProblemType;
import dev.surge.model.routes.Routes;
import dev.surge.model.routes.Routes.Route;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) on the routes whose {@code
 * idempotency} is optional or required. The first request with a key runs and its response is kept
 * (IdempotencyStore); a retry with the same key and the same method, path and body gets that
 * response again with {@code Idempotent-Replayed: true}; the same key on another request is 422; a
 * retry while the first still runs is 409; a required key that is missing is 400. When Redis cannot
 * answer, the request runs without the guarantee rather than failing.
 */
public class IdempotencyFilters {
  private static final Logger LOG = Logger.getLogger(IdempotencyFilters.class);
  static final String HEADER = "Idempotency-Key";
  private static final String OWNED = "surge.guard.idempotency.key";
  private static final String FINGERPRINT = "surge.guard.idempotency.fingerprint";

  private final GuardConfig config;
  private final IdempotencyStore store;
  private final Callers callers;
  private final ObjectMapper json;

  public IdempotencyFilters(
      GuardConfig config, IdempotencyStore store, Callers callers, ObjectMapper json) {
    this.config = config;
    this.store = store;
    this.callers = callers;
    this.json = json;
  }

  // After GuardFilters (priority 900): a limited or switched-off request claims no key. readBody:
  // the fingerprint covers the body, so it must be buffered before this filter.
  @SuppressWarnings("deprecation")
  @ServerRequestFilter(priority = 950, readBody = true)
  public Uni<Response> claim(ContainerRequestContext request) throws IOException {
    Route route = (Route) request.getProperty(GuardFilters.ROUTE);
    if (!config.enabled() || route == null || route.idempotency() == Routes.Idempotency.NONE) {
      return Uni.createFrom().nullItem();
    }
    String header = request.getHeaderString(HEADER);
    if (header == null) {
      if (route.idempotency() == Routes.Idempotency.REQUIRED) {
        throw ProblemException.invalid(HEADER, "is required on this operation");
      }
      return Uni.createFrom().nullItem();
    }
    String idempotencyKey = parse(header);
    String fingerprint = fingerprint(request);
    return callers
        .userOrIp()
        .map(caller -> IdempotencyStore.key(caller, idempotencyKey))
        .chain(
            key ->
                store.claim(key, fingerprint).map(held -> answer(request, key, fingerprint, held)))
        .onFailure(e -> !(e instanceof ProblemException))
        .recoverWithItem(
            e -> {
              LOG.debugf("Idempotency-Key not applied, Redis failed: %s", e.toString());
              return null;
            });
  }

  private Response answer(
      ContainerRequestContext request,
      String key,
      String fingerprint,
      IdempotencyStore.Record held) {
    if (held == null) {
      request.setProperty(OWNED, key);
      request.setProperty(FINGERPRINT, fingerprint);
      return null;
    }
    if (!held.fingerprint().equals(fingerprint)) {
      return Problems.of(
              ProblemType.IDEMPOTENCY_KEY_REUSED,
              "This Idempotency-Key was first sent with another method, path or body")
          .build();
    }
    if (held.inFlight()) {
      return Problems.of(ProblemType.REQUEST_IN_FLIGHT, "Retry once the first request answered")
          .header("Retry-After", "1")
          .build();
    }
    Response.ResponseBuilder replay =
        Response.status(held.status()).header("Idempotent-Replayed", "true");
    if (held.body() != null) {
      replay.entity(held.body()).type(held.contentType());
    }
    if (held.location() != null) {
      replay.header("Location", held.location());
    }
    return replay.build();
  }

  /** Keeps the first response; a 5xx frees the key instead, so the client's retry runs again. */
  @ServerResponseFilter
  public Uni<Void> keep(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(OWNED) instanceof String key)) {
      return Uni.createFrom().voidItem();
    }
    request.removeProperty(OWNED);
    Uni<Void> done;
    if (response.getStatus() >= 500) {
      done = store.release(key);
    } else {
      try {
        Object entity = response.getEntity();
        String body =
            entity == null
                ? null
                : entity instanceof String s ? s : json.writeValueAsString(entity);
        done =
            store.complete(
                key,
                new IdempotencyStore.Record(
                    (String) request.getProperty(FINGERPRINT),
                    response.getStatus(),
                    body,
                    response.getMediaType() == null ? null : response.getMediaType().toString(),
                    response.getHeaderString("Location")));
      } catch (IOException e) {
        done = store.release(key);
      }
    }
    return done.onFailure().recoverWithNull();
  }

  /** The key as sent: an sf-string ("...") or, leniently, a bare token; 1-255 printable chars. */
  private static String parse(String header) {
    String key = header.trim();
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw ProblemException.invalid(HEADER, "must be 1-255 printable ASCII characters");
    }
    return key;
  }

  /** SHA-256 of method, path and body; the body stays readable for the resource. */
  private static String fingerprint(ContainerRequestContext request) throws IOException {
    byte[] body;
    try (InputStream in = request.getEntityStream()) {
      body = in == null ? new byte[0] : in.readAllBytes();
    }
    request.setEntityStream(new ByteArrayInputStream(body));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(
          (request.getMethod() + " " + request.getUriInfo().getPath() + "\n")
              .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
