package dev.surge.orders.domain;

import dev.surge.model.ids.SurgeIds;
import dev.surge.model.orders.OrderView;
import dev.surge.model.problem.ProblemException;
import dev.surge.model.problem.ProblemType;
import dev.surge.orders.config.OrdersConfig;
import dev.surge.orders.data.ItemStock;
import dev.surge.orders.data.OrderRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Regular checkout: each line's stock is taken on its item's shard by one conditional update (no
 * oversell under concurrency), one item after the other in id order; when one cannot be taken the
 * ones already taken are given back and the answer is 409 out-of-stock. The order is then stored
 * CONFIRMED on the buyer's shard with its order-placed event. There is no distributed transaction:
 * a crash between taking stock and storing the order leaves those units taken (the known gap of
 * this path; flash sales have the reconciliation instead).
 */
@ApplicationScoped
public class CheckoutService {
  private final ItemStock stock;
  private final OrderRepository orders;
  private final OrdersConfig config;

  public CheckoutService(ItemStock stock, OrderRepository orders, OrdersConfig config) {
    this.stock = stock;
    this.orders = orders;
    this.config = config;
  }

  /** {@code lines}: item id → quantity (ids already parsed). */
  public Uni<OrderView> checkout(long buyer, Map<Long, Integer> lines) {
    if (lines.isEmpty() || lines.size() > config.maxLines()) {
      throw ProblemException.invalid("items", "must have 1 to " + config.maxLines() + " items");
    }
    for (int quantity : lines.values()) {
      if (quantity < 1 || quantity > config.maxQuantity()) {
        throw ProblemException.invalid("quantity", "must be from 1 to " + config.maxQuantity());
      }
    }
    return take(new ArrayList<>(new TreeMap<>(lines).entrySet()), 0, new ArrayList<>())
        .chain(
            taken ->
                Uni.createFrom()
                    .deferred(() -> store(buyer, taken))
                    .onFailure()
                    .call(e -> giveBack(taken)));
  }

  /** The benchmark's naive baseline: one unit of the item in PostgreSQL, inside the request. */
  public Uni<Boolean> naiveTakeOne(long itemId) {
    return stock.naiveTakeOne(itemId);
  }

  private Uni<List<ItemStock.Taken>> take(
      List<Map.Entry<Long, Integer>> lines, int next, List<ItemStock.Taken> taken) {
    if (next == lines.size()) {
      return Uni.createFrom().item(taken);
    }
    Map.Entry<Long, Integer> line = lines.get(next);
    return stock
        .take(line.getKey(), line.getValue())
        .onFailure()
        .call(e -> giveBack(taken))
        .chain(
            one -> {
              if (one == null) {
                return giveBack(taken)
                    .map(
                        done -> {
                          throw new ProblemException(
                              ProblemType.OUT_OF_STOCK,
                              "Item " + line.getKey() + " is unknown or has not enough stock");
                        });
              }
              taken.add(one);
              return take(lines, next + 1, taken);
            });
  }

  private Uni<OrderView> store(long buyer, List<ItemStock.Taken> taken) {
    if (new HashSet<>(taken.stream().map(ItemStock.Taken::currency).toList()).size() > 1) {
      throw ProblemException.invalid("items", "must all be priced in one currency");
    }
    Instant now = Instant.now();
    OrderView order =
        new OrderView(
            Long.toString(SurgeIds.next(SurgeIds.shardOf(buyer))),
            Long.toString(buyer),
            Transitions.CONFIRMED,
            null,
            taken.stream()
                .map(
                    t ->
                        new OrderView.Line(Long.toString(t.itemId()), t.quantity(), t.priceCents()))
                .toList(),
            taken.stream().mapToLong(t -> t.priceCents() * t.quantity()).sum(),
            taken.getFirst().currency(),
            now,
            now);
    return orders.place(order, null).replaceWith(order);
  }

  private Uni<Void> giveBack(List<ItemStock.Taken> taken) {
    Uni<Void> all = Uni.createFrom().voidItem();
    for (ItemStock.Taken t : taken) {
      all = all.chain(() -> stock.giveBack(t.itemId(), t.quantity()).onFailure().recoverWithNull());
    }
    return all;
  }
}
