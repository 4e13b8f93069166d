package dev.surge.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Redis form of an {@link Entry}: {@code loadedAt|softExpiresAt|json}, json empty for a negative
 * entry. The two numbers lead so that a Lua script can compare {@code loadedAt} without a JSON
 * parser (see {@link L2#deleteIfLoadedBefore}).
 */
final class EntryCodec<V> {
  private final ObjectMapper json;
  private final Class<V> type;

  EntryCodec(ObjectMapper json, Class<V> type) {
    this.json = json;
    this.type = type;
  }

  String encode(Entry<V> entry) {
    try {
      String body = entry.negative() ? "" : json.writeValueAsString(entry.value());
      return entry.loadedAt() + "|" + entry.softExpiresAt() + "|" + body;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize a " + type.getSimpleName(), e);
    }
  }

  /** Null for null or a value this version cannot read (then it is a miss, not an error). */
  Entry<V> decode(String text) {
    if (text == null) {
      return null;
    }
    int first = text.indexOf('|');
    int second = text.indexOf('|', first + 1);
    if (first < 0 || second < 0) {
      return null;
    }
    try {
      long loadedAt = Long.parseLong(text, 0, first, 10);
      long soft = Long.parseLong(text, first + 1, second, 10);
      String body = text.substring(second + 1);
      return new Entry<>(body.isEmpty() ? null : json.readValue(body, type), loadedAt, soft);
    } catch (NumberFormatException | JsonProcessingException e) {
      return null;
    }
  }
}
