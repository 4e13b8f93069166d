package dev.surge.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Conditional GETs through JAX-RS's own {@link Request#evaluatePreconditions(EntityTag)}: a GET
 * resource names the version of what it returns, and a client whose {@code If-None-Match} names it
 * gets {@code 304 Not Modified} without a body. Tags are strong and the same on every instance, so
 * a CDN or browser can revalidate against any of them. {@code Cache-Control} stays with each
 * resource: only it knows whether its answer is public and how long it may be reused.
 */
public final class ConditionalGets {
  private ConditionalGets() {}

  /** Personal answers: never stored by a shared cache, revalidated by the app on every use. */
  public static final String PRIVATE = "private, no-cache";

  /**
   * 304 when the request's preconditions match {@code tag}, else 200 with {@code body}; both carry
   * the tag and the {@code Cache-Control} value {@code cacheControl}.
   */
  public static Response ok(Request request, EntityTag tag, Object body, String cacheControl) {
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body);
    return answer.tag(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
  }

  /**
   * A tag from the parts that identify one version of a representation (an id and its update time,
   * the ids of a page): no body is serialized or hashed.
   */
  public static EntityTag version(Object... parts) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      text.append(part).append('|');
    }
    return new EntityTag(digest(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** A tag from the JSON the client would receive, for answers that carry no version. */
  public static EntityTag content(ObjectMapper json, Object body) {
    try {
      return new EntityTag(digest(json.writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response body must be serializable", e);
    }
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
