package dev.surge.testing.hostile;

import java.util.Set;

/**
 * One hostile request and what it must get: a 4xx problem document, with {@code statuses} the
 * acceptable ones (empty: any 4xx). {@code headers} alternate names and values.
 */
public record HostileCase(
    String name,
    String method,
    String pathAndQuery,
    String contentType,
    byte[] body,
    String token,
    Set<Integer> statuses) {

  @Override
  public String toString() {
    return name;
  }
}
