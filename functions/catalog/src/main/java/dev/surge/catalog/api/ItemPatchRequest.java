package dev.surge.catalog.api;

import dev.surge.web.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Changes to an item: any subset of the fields of a new item, at least one. */
public record ItemPatchRequest(
    @PlainText(min = 1, max = 64) String sku,
    @PlainText(min = 1, max = 200) String title,
    @PlainText(max = 2000, multiline = true) String description,
    @Min(0) @Max(ItemFields.MAX_PRICE) Long priceCents,
    String currency,
    @Min(0) @Max(ItemFields.MAX_STOCK) Integer stock) {

  @AssertTrue(message = "sku must be ASCII letters, digits, '-', '_' or '.'")
  public boolean isSkuPlain() {
    return ItemFields.skuOk(sku);
  }

  @AssertTrue(message = "currency must be three capital letters (ISO 4217)")
  public boolean isCurrencyCode() {
    return ItemFields.currencyOk(currency);
  }

  @AssertTrue(message = "at least one field must be given")
  public boolean isAnyField() {
    return sku != null
        || title != null
        || description != null
        || priceCents != null
        || currency != null
        || stock != null;
  }
}
