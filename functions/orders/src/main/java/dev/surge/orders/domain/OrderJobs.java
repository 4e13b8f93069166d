package dev.surge.orders.domain;

import dev.surge.orders.config.OrdersConfig;
import dev.surge.orders.data.OrderRows;
import dev.surge.orders.data.Reservation;
import dev.surge.orders.data.ReservationPublisher;
import dev.surge.orders.data.SaleStore;
import dev.surge.orders.data.StoredOrder;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The background settlements. Every instance runs them; each step is idempotent or optimistic, so
 * two instances doing the same round change nothing twice.
 *
 * <ul>
 *   <li>payment timeout: CONFIRMED orders older than {@code surge.orders.payment-timeout} are
 *       cancelled (reason expired) and their units returned; units of cancelled orders that did not
 *       go back (a failure right after the cancel) are returned again;
 *   <li>reconciliation: reservations older than the grace period without a persisted order get
 *       their PurchaseReserved re-published (persisting is idempotent, so exactly one order).
 * </ul>
 */
@ApplicationScoped
public class OrderJobs {
  private static final Logger LOG = Logger.getLogger(OrderJobs.class);
  private static final int PARALLEL = 8;

  private final OrderRows orders;
  private final SaleStore sales;
  private final ReservationPublisher publisher;
  private final Transitions transitions;
  private final OrdersConfig config;

  public OrderJobs(
      OrderRows orders,
      SaleStore sales,
      ReservationPublisher publisher,
      Transitions transitions,
      OrdersConfig config) {
    this.orders = orders;
    this.sales = sales;
    this.publisher = publisher;
    this.transitions = transitions;
    this.config = config;
  }

  @Scheduled(
      every = "${surge.orders.expiry-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> expire() {
    if (!config.jobsEnabled()) {
      return Uni.createFrom().voidItem();
    }
    Instant now = Instant.now();
    Uni<List<StoredOrder>> expired =
        orders.olderThan(
            Transitions.CONFIRMED, false, now.minus(config.paymentTimeout()), config.jobBatch());
    Uni<List<StoredOrder>> unreturned =
        orders.olderThan(null, true, now.minus(config.expiryInterval()), config.jobBatch());
    return each(expired, o -> transitions.cancel(o, "expired").replaceWithVoid())
        .chain(() -> each(unreturned, transitions::giveBack))
        .onFailure()
        .recoverWithItem(e -> logged("payment timeout", e));
  }

  @Scheduled(
      every = "${surge.orders.reconcile-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> reconcile() {
    if (!config.jobsEnabled()) {
      return Uni.createFrom().voidItem();
    }
    Instant cutoff = Instant.now().minus(config.reconcileGrace());
    return sales
        .sales()
        .toMulti()
        .onItem()
        .<Long>disjoint()
        .onItem()
        .transformToUniAndConcatenate(sale -> reconcile(sale, cutoff))
        .collect()
        .last()
        .replaceWithVoid()
        .onFailure()
        .recoverWithItem(e -> logged("reconciliation", e));
  }

  /** One sale: every bucket's reservations against the persisted orders. */
  public Uni<Void> reconcile(long saleId, Instant cutoff) {
    return sales
        .buckets(saleId)
        .chain(
            buckets ->
                buckets == null
                    ? sales.forget(saleId) // its keys expired with the sale (catalog's retention)
                    : Multi.createFrom()
                        .range(0, buckets)
                        .onItem()
                        .transformToUniAndConcatenate(b -> sales.reservations(saleId, b))
                        .onItem()
                        .<Reservation>disjoint()
                        .select()
                        .where(r -> r.state() == 'R' && r.at().isBefore(cutoff))
                        .onItem()
                        .transformToUniAndConcatenate(this::settle)
                        .collect()
                        .last()
                        .replaceWithVoid());
  }

  /**
   * A reservation not yet seen persisted: without its order it was never delivered, so it is
   * published again; with it, it is marked seen (P) and not looked at again. Units of a cancelled
   * order go back through the return job, which reads the orders, not the reservations.
   */
  private Uni<Void> settle(Reservation r) {
    return orders
        .find(r.orderId())
        .chain(
            order ->
                order == null
                    ? publisher.publish(r)
                    : sales.persisted(r.saleId(), r.bucket(), r.orderId()));
  }

  private static <T> Uni<Void> each(
      Uni<List<T>> items, java.util.function.Function<T, Uni<Void>> f) {
    return items
        .toMulti()
        .onItem()
        .<T>disjoint()
        .onItem()
        .transformToUni(
            item -> f.apply(item).onFailure().recoverWithItem(e -> logged("one order", e)))
        // Orders are independent (each transition is optimistic on its own row): a few at a time,
        // so a backlog after an outage drains several times faster than one by one.
        .merge(PARALLEL)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private static Void logged(String what, Throwable e) {
    LOG.warnf("Orders %s round failed, the next one retries: %s", what, e.toString());
    return null;
  }
}
