package dev.surge.model.catalog;

/**
 * Where a flash sale lives in Redis: the contract between catalog (which creates a sale and reads
 * what is left) and orders (whose purchase script takes units). Declared once, here.
 *
 * <p>A sale's stock is split into {@code buckets} sub-buckets (1 by default). Every key of one
 * bucket carries the hash tag {@code {sale:<id>:<bucket>}}, so one purchase script runs on one
 * Cluster slot; different buckets hash to different slots, so a hot sale can spread over several
 * Redis shards. The definition hash is copied into every bucket for the same reason.
 *
 * <ul>
 *   <li>{@link #definition}: hash {@code item, price, starts, ends, limit, quantity, buckets}
 *       (instants as epoch milliseconds);
 *   <li>{@link #stock}: the units left in the bucket (a string integer);
 *   <li>{@link #buyers}: hash buyer id to units bought in this bucket;
 *   <li>{@link #reservations}: hash order id to the reservation (written by orders);
 *   <li>{@link #keys}: hash buyer id + Idempotency-Key to order id (a retried purchase finds its
 *       order).
 * </ul>
 */
public final class SaleKeys {
  private SaleKeys() {}

  /** The hash tag of one bucket of a sale: {@code {sale:<id>:<bucket>}}. */
  public static String tag(long saleId, int bucket) {
    return "{sale:" + saleId + ":" + bucket + "}";
  }

  public static String definition(long saleId, int bucket) {
    return tag(saleId, bucket) + ":def";
  }

  public static String stock(long saleId, int bucket) {
    return tag(saleId, bucket) + ":stock";
  }

  public static String buyers(long saleId, int bucket) {
    return tag(saleId, bucket) + ":buyers";
  }

  public static String reservations(long saleId, int bucket) {
    return tag(saleId, bucket) + ":reservations";
  }

  public static String keys(long saleId, int bucket) {
    return tag(saleId, bucket) + ":keys";
  }

  /** The bucket a buyer is pinned to: buyers spread evenly, one buyer always on one bucket. */
  public static int bucketOf(long buyerId, int buckets) {
    return Math.floorMod(Long.hashCode(buyerId), buckets);
  }
}
