package dev.surge.events;

import dev.surge.model.events.Topics;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Which topics a function relays and subscribes to, from {@code surge/topics.yaml} rather than from
 * each application.properties: the function names itself ({@code surge.function}) and this source
 * supplies {@code surge.outbox.topics} and {@code mp.messaging.incoming.surge-events.topics}.
 * Ordinal 150: above the shared defaults (100), below a function's own application.properties
 * (250), so a test can still narrow a subscription.
 */
public class TopicsConfigSource implements ConfigSourceFactory {
  static final int ORDINAL = 150;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    ConfigValue function = context.getValue("surge.function");
    if (function == null || function.getValue() == null) {
      return List.of();
    }
    Map<String, String> values = new HashMap<>();
    put(values, "surge.outbox.topics", Topics.producedBy(function.getValue()));
    put(
        values,
        "mp.messaging.incoming.surge-events.topics",
        Topics.consumedBy(function.getValue()));
    return List.of(new PropertiesConfigSource(values, Topics.RESOURCE, ORDINAL));
  }

  private static void put(Map<String, String> values, String key, List<String> topics) {
    if (!topics.isEmpty()) {
      values.put(key, String.join(",", topics));
    }
  }
}
