package dev.surge.orders.data;

import java.time.Instant;

/**
 * A flash-sale unit (or units) taken for a buyer, as the purchase script records it in the sale
 * bucket's reservations hash: {@code buyer:quantity:price:item:epochMillis:state}, state R
 * (reserved), P (seen persisted by the reconciliation) or X (returned).
 */
public record Reservation(
    long saleId,
    int bucket,
    long orderId,
    long buyer,
    int quantity,
    long priceCents,
    long itemId,
    Instant at,
    char state) {

  static Reservation parse(long saleId, int bucket, long orderId, String record) {
    String[] f = record.split(":", -1);
    if (f.length != 6 || f[5].length() != 1) {
      throw new IllegalStateException("unreadable reservation of order " + orderId);
    }
    return new Reservation(
        saleId,
        bucket,
        orderId,
        Long.parseLong(f[0]),
        Integer.parseInt(f[1]),
        Long.parseLong(f[2]),
        Long.parseLong(f[3]),
        Instant.ofEpochMilli(Long.parseLong(f[4])),
        f[5].charAt(0));
  }

  public boolean returned() {
    return state == 'X';
  }

  /**
   * What the purchase script answered: {@code code} 0 taken now, 1 taken before with this key (then
   * {@code orderId} is that order's and {@code reservation} its record, if still there), -1 not
   * active, -2 limit reached, -3 sold out, -4 no such sale bucket.
   */
  public record Outcome(int code, long orderId, Reservation reservation) {}
}
