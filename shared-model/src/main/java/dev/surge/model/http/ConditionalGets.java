package dev.surge.model.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code ETag} on every successful GET with a body, and {@code 304 Not Modified} when the client's
 * {@code If-None-Match} names it. The tag is a hash of the JSON the client would receive, so any
 * instance computes the same tag for the same content and a CDN or browser can revalidate against
 * any of them. Caching lifetimes ({@code Cache-Control}) stay with each resource: only it knows
 * whether its answer is public and how long it may be reused.
 */
@Provider
public class ConditionalGets implements ContainerResponseFilter {
  private final ObjectMapper json;

  public ConditionalGets(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!HttpMethod.GET.equals(request.getMethod())
        || response.getStatus() != 200
        || !response.hasEntity()
        || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
      return;
    }
    String tag = tagOf(response.getEntity());
    if (tag == null) {
      return;
    }
    response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && matches(ifNoneMatch, tag)) {
      response.setStatus(304);
      response.setEntity(null);
    }
  }

  private String tagOf(Object entity) {
    try {
      byte[] body =
          entity instanceof String text ? text.getBytes() : json.writeValueAsBytes(entity);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      return null; // the body itself will fail to serialize and be reported there
    }
  }

  private static boolean matches(String header, String tag) {
    for (String candidate : header.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || c.equals(tag) || c.equals("W/" + tag)) {
        return true;
      }
    }
    return false;
  }
}
