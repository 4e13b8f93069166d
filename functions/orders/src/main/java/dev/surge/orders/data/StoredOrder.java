package dev.surge.orders.data;

import dev.surge.model.orders.OrderView;

/**
 * An order row as the repository read it: the public view plus what transitions need (the version
 * for the optimistic lock, the sale bucket to give units back to, whether they went back).
 */
public record StoredOrder(OrderView view, int version, Integer saleBucket, boolean unitsReturned) {
  public long id() {
    return Long.parseLong(view.id());
  }

  public long userId() {
    return Long.parseLong(view.userId());
  }

  public String status() {
    return view.status();
  }
}
