package dev.surge.events.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox ({@code surge.outbox.*}). Every function that announces changes writes
 * into the same {@code outbox_events} table of the change's shard; each function's relay publishes
 * only the rows of its own topics.
 */
@ConfigMapping(prefix = "surge.outbox")
public interface OutboxConfig {

  /**
   * The topics this function publishes, e.g. {@code surge.posts.events}; its relay claims only
   * these rows. Supplied from {@code surge/topics.yaml} by {@link
   * dev.surge.events.TopicsConfigSource}.
   */
  Optional<List<String>> topics();

  /** The CloudEvent {@code source} of this function's events. */
  @WithDefault("/surge/${surge.function}")
  String source();

  /** Kill switch: false stops publishing; events wait safely in the table until it is true. */
  @WithDefault("true")
  boolean enabled();

  /**
   * How often the relay looks for events a nudge missed (crash, restart, Kafka outage). Read by the
   * relay's schedule.
   */
  Duration pollInterval();

  /** How often the backlog gauges are read ({@link OutboxBacklog}'s schedule reads it). */
  @WithDefault("15s")
  Duration backlogInterval();

  /** Events claimed and published per round. */
  @WithDefault("100")
  int batchSize();

  /** How long a claimed batch is reserved before another relay may take it over. */
  @WithDefault("30s")
  Duration lease();

  /** How long published events stay in the table for audit before they are deleted. */
  @WithDefault("24h")
  Duration retention();
}
