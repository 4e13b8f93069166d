package dev.surge.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the catalog function ({@code surge.catalog.*}). */
@ConfigMapping(prefix = "surge.catalog")
public interface CatalogConfig {

  /**
   * Sub-buckets a new flash sale's stock is split into (shared-model SaleKeys): each bucket is its
   * own Redis Cluster slot, so a hot sale can spread over several Redis shards. Read when a sale is
   * created; the sale keeps its count.
   */
  @WithDefault("1")
  int saleBuckets();

  /** How long after a sale ends its Redis keys (stock, buyers, reservations) are kept. */
  @WithDefault("7d")
  Duration saleRetention();

  /**
   * How long one instance reuses a sale's {@code remaining} before asking Redis again: the hottest
   * key of a flash sale, read by every buyer's page. At most 1 s (the API promises that bound).
   */
  @WithDefault("500ms")
  Duration remainingTtl();

  @WithDefault("20")
  int defaultPageSize();

  @WithDefault("100")
  int maxPageSize();
}
