package dev.surge.users.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay ({@code surge.outbox.*}). */
@ConfigMapping(prefix = "surge.outbox")
public interface OutboxConfig {

  /** Kill switch: false stops publishing; events wait safely in the table until it is true. */
  @WithDefault("true")
  boolean enabled();

  /** How often the relay looks for events a nudge missed (crash, restart, Kafka outage). */
  @WithDefault("1s")
  Duration pollInterval();

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
