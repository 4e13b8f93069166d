package dev.surge.catalog.api;

import dev.surge.web.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A new item. Prices are whole cents; the stock is the units regular checkout may sell. Numbers are
 * JSON numbers (a string, a fraction or a boolean is 400).
 */
public record NewItemRequest(
    @NotNull @PlainText(min = 1, max = 64) String sku,
    @NotNull @PlainText(min = 1, max = 200) String title,
    @PlainText(max = 2000, multiline = true) String description,
    @NotNull @Min(0) @Max(ItemFields.MAX_PRICE) Long priceCents,
    @NotNull String currency,
    @NotNull @Min(0) @Max(ItemFields.MAX_STOCK) Integer stock) {

  @AssertTrue(message = "sku must be ASCII letters, digits, '-', '_' or '.'")
  public boolean isSkuPlain() {
    return ItemFields.skuOk(sku);
  }

  @AssertTrue(message = "currency must be three capital letters (ISO 4217)")
  public boolean isCurrencyCode() {
    return ItemFields.currencyOk(currency);
  }
}
