package dev.surge.catalog.api;

/**
 * Checks of item fields that {@code @PlainText} and the number bounds do not cover, as loops over
 * values whose length was already bounded (no regex on client input).
 */
final class ItemFields {
  /** Highest price in cents: 10^12 (ten billion units of any currency). */
  static final long MAX_PRICE = 1_000_000_000_000L;

  /** Most units of one item in stock. */
  static final int MAX_STOCK = 1_000_000_000;

  private ItemFields() {}

  /** A SKU is 1-64 of ASCII letters, digits, '-', '_' and '.'; null is for another check. */
  static boolean skuOk(String sku) {
    if (sku == null || sku.length() > 64) {
      return true; // absent, or reported by @PlainText
    }
    for (int i = 0; i < sku.length(); i++) {
      char c = sku.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** An ISO 4217 code as written: three ASCII capitals. */
  static boolean currencyOk(String currency) {
    if (currency == null) {
      return true;
    }
    if (currency.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = currency.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }
}
