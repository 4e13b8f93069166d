package dev.surge.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Reads CloudEvents 1.0 in the two modes Surge receives: structured (the whole event is a JSON
 * document, as the outbox writes it) and binary (attributes in {@code ce-*} headers or {@code ce_*}
 * Kafka headers, the body is the data). A malformed event is a {@link PoisonEvent}: no retry can
 * fix it.
 */
public final class CloudEvents {
  private CloudEvents() {}

  public static ReceivedEvent structured(ObjectMapper json, byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      throw new PoisonEvent("The event is not JSON: " + firstLine(e));
    }
    if (root == null || !root.isObject()) {
      throw new PoisonEvent("A structured CloudEvent must be a JSON object");
    }
    return build(name -> text(root.get(name)), root.get("data"));
  }

  /** {@code attribute} maps an attribute name (id, type ...) to its header value or null. */
  public static ReceivedEvent binary(
      ObjectMapper json, Function<String, String> attribute, byte[] body) {
    JsonNode data;
    try {
      data = body == null || body.length == 0 ? null : json.readTree(body);
    } catch (IOException e) {
      throw new PoisonEvent("The event data is not JSON: " + firstLine(e));
    }
    return build(attribute, data);
  }

  private static ReceivedEvent build(Function<String, String> attribute, JsonNode data) {
    String version = attribute.apply("specversion");
    if (!"1.0".equals(version)) {
      throw new PoisonEvent("specversion must be 1.0, was " + version);
    }
    String id = required(attribute, "id");
    String type = required(attribute, "type");
    String source = required(attribute, "source");
    String time = attribute.apply("time");
    Instant at;
    try {
      at = time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new PoisonEvent("time is not an RFC 3339 timestamp: " + time);
    }
    return new ReceivedEvent(id, type, source, attribute.apply("subject"), at, data);
  }

  private static String required(Function<String, String> attribute, String name) {
    String value = attribute.apply(name);
    if (value == null || value.isBlank() || value.length() > 512) {
      throw new PoisonEvent("The CloudEvent attribute '" + name + "' is missing or too long");
    }
    return value;
  }

  private static String firstLine(IOException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
