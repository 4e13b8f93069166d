package dev.surge.orders.api;

import dev.surge.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the orders endpoints. */
public final class OrderRequests {
  private OrderRequests() {}

  /** {@code POST /orders}: the items to buy, each once. */
  public record Checkout(@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Line> items) {}

  /** One item of a checkout: its id (a decimal string, as every id in JSON) and a quantity. */
  public record Line(
      @NotNull @PlainText(min = 1, max = 19) String itemId, @NotNull Integer quantity) {}

  /** {@code POST /orders/{id}/payments}: the simulated provider knows {@code card} tokens. */
  public record Payment(
      @NotNull @PlainText(min = 1, max = 16) String method,
      @NotNull @PlainText(min = 1, max = 128) String token) {}
}
