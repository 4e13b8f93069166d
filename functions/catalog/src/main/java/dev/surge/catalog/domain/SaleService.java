package dev.surge.catalog.domain;

import dev.surge.catalog.config.CatalogConfig;
import dev.surge.catalog.data.SaleCache;
import dev.surge.catalog.data.SaleRepository;
import dev.surge.catalog.data.SaleRow;
import dev.surge.catalog.data.SaleStore;
import dev.surge.model.catalog.SaleView;
import dev.surge.model.ids.SurgeIds;
import dev.surge.model.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Flash sales. A sale's stock lives in Redis (orders' purchase script takes it from there, never
 * from PostgreSQL); its definition lives in PostgreSQL with its item, and is copied into Redis.
 */
@ApplicationScoped
public class SaleService {
  private final CatalogService catalog;
  private final SaleRepository sales;
  private final SaleCache cache;
  private final SaleStore store;
  private final CatalogConfig config;

  public SaleService(
      CatalogService catalog,
      SaleRepository sales,
      SaleCache cache,
      SaleStore store,
      CatalogConfig config) {
    this.catalog = catalog;
    this.sales = sales;
    this.cache = cache;
    this.store = store;
    this.config = config;
  }

  /**
   * Creates the sale: Redis keys first, then the row. A sale becomes visible (GET, and so to
   * buyers) only with its row, so a failure in between leaves keys nobody knows of, which expire;
   * never a row whose stock is missing.
   */
  public Uni<SaleView> create(NewSale sale) {
    if (!sale.endsAt().isAfter(sale.startsAt())) {
      throw ProblemException.invalid("endsAt", "must be after startsAt");
    }
    Instant now = Instant.now();
    if (!sale.endsAt().isAfter(now)) {
      throw ProblemException.invalid("endsAt", "must be in the future");
    }
    int buckets = Math.max(1, config.saleBuckets());
    return catalog
        .forSale(sale.itemId())
        .chain(
            item -> {
              if (item == null) {
                throw ProblemException.invalid("itemId", "must be an existing item");
              }
              var row =
                  new SaleRow(
                      SurgeIds.next(SurgeIds.shardOf(sale.itemId())),
                      sale.itemId(),
                      sale.quantity(),
                      sale.priceCents(),
                      // Kept to the millisecond everywhere: Redis has epoch millis (SaleKeys).
                      sale.startsAt().truncatedTo(ChronoUnit.MILLIS),
                      sale.endsAt().truncatedTo(ChronoUnit.MILLIS),
                      sale.perUserLimit(),
                      buckets);
              return store
                  .create(row, sale.endsAt().plus(config.saleRetention()))
                  .chain(() -> sales.insert(row, now))
                  .replaceWith(view(row, row.quantity()));
            });
  }

  /** The sale with what is left of it (at most {@code remaining-ttl} old). */
  public Uni<SaleView> get(long id) {
    return cache
        .get(id)
        .chain(
            sale -> {
              if (sale == null) {
                throw ProblemException.notFound("No sale with this id");
              }
              return store.remaining(sale).map(left -> view(sale, left));
            });
  }

  private static SaleView view(SaleRow sale, int remaining) {
    return new SaleView(
        Long.toString(sale.id()),
        Long.toString(sale.itemId()),
        sale.quantity(),
        remaining,
        sale.priceCents(),
        sale.startsAt(),
        sale.endsAt(),
        sale.perUserLimit());
  }
}
