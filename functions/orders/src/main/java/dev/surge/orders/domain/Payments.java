package dev.surge.orders.domain;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The simulated payment provider inside the function: {@code tok_ok} is charged, any other token is
 * declined. A real provider would be called here, with the order id as its idempotency key.
 */
@ApplicationScoped
public class Payments {
  public static final String APPROVED_TOKEN = "tok_ok";

  /** Whether the provider charged {@code token} for the order. */
  public boolean charge(long orderId, String method, String token) {
    return "card".equals(method) && APPROVED_TOKEN.equals(token);
  }
}
