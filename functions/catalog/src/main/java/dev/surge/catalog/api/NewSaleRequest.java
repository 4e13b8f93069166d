package dev.surge.catalog.api;

import dev.surge.web.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A new flash sale. {@code itemId} is an id as this API writes it (a decimal string); {@code
 * startsAt} and {@code endsAt} are ISO-8601 instants such as {@code 2026-12-24T18:00:00Z} (strings,
 * so a bare number is refused rather than read as epoch seconds).
 */
public record NewSaleRequest(
    @NotNull @PlainText(min = 1, max = 19) String itemId,
    @NotNull @Min(1) @Max(10_000_000) Integer quantity,
    @NotNull @Min(0) @Max(ItemFields.MAX_PRICE) Long priceCents,
    @NotNull @PlainText(min = 1, max = 40) String startsAt,
    @NotNull @PlainText(min = 1, max = 40) String endsAt,
    @NotNull @Min(1) @Max(10_000_000) Integer perUserLimit) {}
