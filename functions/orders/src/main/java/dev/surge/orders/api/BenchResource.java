package dev.surge.orders.api;

import dev.surge.model.problem.ProblemException;
import dev.surge.model.problem.ProblemType;
import dev.surge.orders.config.OrdersConfig;
import dev.surge.orders.domain.CheckoutService;
import dev.surge.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /bench/naive-purchase/{itemId}}: the naive baseline perf/flash-sale.sh measures the
 * flash sale against, one unit taken in PostgreSQL inside the request; 202 or 409 sold-out.
 * Internal (the route table's {@code /bench/} prefix: never on the public entry) and served only
 * where {@code surge.orders.bench-enabled} (dev and test), else 404.
 */
@Path("/bench/naive-purchase/{itemId}")
@Produces(MediaType.APPLICATION_JSON)
public class BenchResource {
  private final CheckoutService checkouts;
  private final OrdersConfig config;

  public BenchResource(CheckoutService checkouts, OrdersConfig config) {
    this.checkouts = checkouts;
    this.config = config;
  }

  @POST
  public Uni<Response> naivePurchase(@PathParam("itemId") String itemId) {
    if (!config.benchEnabled()) {
      throw ProblemException.notFound("No such resource");
    }
    long item = Params.idOr404(itemId, "No item with this id");
    return checkouts
        .naiveTakeOne(item)
        .map(
            taken -> {
              if (!taken) {
                throw new ProblemException(ProblemType.SOLD_OUT, "No units are left");
              }
              return Response.accepted().build();
            });
  }
}
