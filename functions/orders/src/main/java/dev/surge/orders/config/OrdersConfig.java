package dev.surge.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the orders function ({@code surge.orders.*}). */
@ConfigMapping(prefix = "surge.orders")
public interface OrdersConfig {

  /** A CONFIRMED order not paid this long after it was placed is cancelled (reason expired). */
  @WithDefault("15m")
  Duration paymentTimeout();

  /** How often the payment timeout runs (a schedule: its default is in application.properties). */
  @WithDefault("30s")
  Duration expiryInterval();

  /** How often reservations are compared with persisted orders (a schedule, as above). */
  @WithDefault("10s")
  Duration reconcileInterval();

  /**
   * A reservation younger than this is left alone by the reconciliation: its PurchaseReserved is
   * normally still on its way to the consumer.
   */
  @WithDefault("30s")
  Duration reconcileGrace();

  /**
   * Runs the payment timeout and the reconciliation. Off in the %test profile, where they would
   * change rows under the other tests' feet; the job tests switch them on in their own profile.
   */
  @WithDefault("true")
  boolean jobsEnabled();

  /** Orders cancelled or expired per instance and round of the jobs. */
  @WithDefault("100")
  int jobBatch();

  /** Units one flash-sale purchase may take. */
  @WithDefault("10")
  int maxQuantity();

  /** Lines one checkout may have. */
  @WithDefault("20")
  int maxLines();

  /**
   * Currency of a flash-sale order whose item the orders function cannot find on the item's shard
   * (the sale's definition carries a price, not a currency).
   */
  @WithDefault("EUR")
  String defaultCurrency();

  /** Serves the naive PostgreSQL baseline {@code POST /bench/naive-purchase/{itemId}}. */
  @WithDefault("false")
  boolean benchEnabled();

  @WithDefault("20")
  int defaultPageSize();

  @WithDefault("100")
  int maxPageSize();
}
