package dev.surge.orders.domain;

import dev.surge.model.catalog.SaleKeys;
import dev.surge.model.ids.SurgeIds;
import dev.surge.model.problem.ProblemException;
import dev.surge.model.problem.ProblemType;
import dev.surge.orders.config.OrdersConfig;
import dev.surge.orders.data.Reservation;
import dev.surge.orders.data.ReservationPublisher;
import dev.surge.orders.data.SaleStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A flash-sale purchase: one Redis script takes the unit and records the reservation (no PostgreSQL
 * on this path); its PurchaseReserved then goes to Kafka, and the consumer persists the order on
 * the buyer's shard. A crash between the two steps is healed by the reconciliation job, which
 * re-publishes reservations that never became an order.
 *
 * <p>With a sale split into several buckets (catalog's configuration, for sales hotter than one
 * Redis shard) a buyer is pinned to one bucket ({@link SaleKeys#bucketOf}), so the per-buyer limit
 * holds in one script. The trade-off: when the buyer's bucket is empty they get sold-out even if
 * another bucket still has units. The sale never oversells and never exceeds the per-buyer limit;
 * it may end with a few units unsold in other buckets.
 */
@ApplicationScoped
public class PurchaseService {
  private static final Logger LOG = Logger.getLogger(PurchaseService.class);

  private final SaleStore sales;
  private final ReservationPublisher publisher;
  private final OrdersConfig config;

  public PurchaseService(SaleStore sales, ReservationPublisher publisher, OrdersConfig config) {
    this.sales = sales;
    this.publisher = publisher;
    this.config = config;
  }

  /** Takes {@code quantity} units for {@code buyer}; emits the (PENDING) order id. */
  public Uni<Long> purchase(long saleId, long buyer, String idempotencyKey, int quantity) {
    if (quantity < 1 || quantity > config.maxQuantity()) {
      throw ProblemException.invalid("quantity", "must be from 1 to " + config.maxQuantity());
    }
    if (idempotencyKey == null) {
      // The route table makes the key required (shared-guard answers 400 first); this is the
      // guard switched off (surge.guard.enabled=false), where the script still needs a key.
      throw ProblemException.invalid("Idempotency-Key", "is required on this operation");
    }
    long orderId = SurgeIds.next(SurgeIds.shardOf(buyer));
    return sales
        .buckets(saleId)
        .onFailure()
        .transform(PurchaseService::redisDown)
        .chain(
            buckets -> {
              if (buckets == null) {
                throw ProblemException.notFound("No sale with this id");
              }
              int bucket = SaleKeys.bucketOf(buyer, buckets);
              return sales
                  .reserve(saleId, bucket, buyer, idempotencyKey, orderId, quantity)
                  .onFailure()
                  .transform(PurchaseService::redisDown);
            })
        .map(this::accepted);
  }

  private long accepted(Reservation.Outcome outcome) {
    switch (outcome.code()) {
      case -1 -> throw new ProblemException(ProblemType.SALE_NOT_ACTIVE, "The sale is not open");
      case -2 ->
          throw new ProblemException(
              ProblemType.LIMIT_REACHED, "You bought as many as this sale allows");
      case -3 -> throw new ProblemException(ProblemType.SOLD_OUT, "No units are left");
      case -4 -> throw ProblemException.notFound("No sale with this id");
      default -> {}
    }
    Reservation reservation = outcome.reservation();
    if (reservation == null || reservation.returned()) {
      return outcome.orderId(); // a retry of a purchase whose order was cancelled since
    }
    // Not awaited: the answer does not wait for Kafka's ack. A lost send (a crash, Kafka down) is
    // re-published by the reconciliation job after its grace period; a retried purchase with the
    // same key re-publishes at once. Persisting is idempotent on the order id.
    publisher
        .publish(reservation)
        .subscribe()
        .with(
            sent -> {},
            e ->
                LOG.warnf(
                    "PurchaseReserved of order %d not sent, the reconciliation will: %s",
                    reservation.orderId(), e.getMessage()));
    return reservation.orderId();
  }

  private static Throwable redisDown(Throwable e) {
    if (e instanceof ProblemException) {
      return e;
    }
    LOG.warnf("Flash-sale Redis failed: %s", e.toString());
    return ProblemException.unavailable("The sale cannot be reached, retry shortly", 1);
  }
}
