package dev.surge.events.support;

import java.util.UUID;

/** Structured CloudEvents of the test type, as the outbox writes them. */
public final class Events {
  private Events() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  public static String structured(String id, String value) {
    return """
        {"specversion":"1.0","id":"%s","source":"/surge/test","type":"%s","subject":"k",\
        "time":"2026-11-24T00:00:00Z","datacontenttype":"application/json",\
        "data":{"value":"%s"}}"""
        .formatted(id, TestEffects.TYPE, value);
  }
}
