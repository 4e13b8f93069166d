package dev.surge.orders.api;

import dev.surge.model.ids.SurgeIds;
import dev.surge.model.orders.OrderView;
import dev.surge.model.problem.ProblemException;
import dev.surge.orders.config.OrdersConfig;
import dev.surge.orders.domain.CheckoutService;
import dev.surge.orders.domain.OrderService;
import dev.surge.web.ConditionalGets;
import dev.surge.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A buyer's orders: checkout, read, list, pay, cancel. Only the buyer sees an order (else 404). */
@Path("/")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {
  private final OrderService orders;
  private final CheckoutService checkouts;
  private final OrdersConfig config;
  private final JsonWebToken caller;

  public OrderResource(
      OrderService orders, CheckoutService checkouts, OrdersConfig config, JsonWebToken caller) {
    this.orders = orders;
    this.checkouts = checkouts;
    this.config = config;
    this.caller = caller;
  }

  @POST
  @Path("orders")
  public Uni<Response> checkout(@Valid @NotNull OrderRequests.Checkout request) {
    Map<Long, Integer> lines = new LinkedHashMap<>();
    for (OrderRequests.Line line : request.items()) {
      long item =
          SurgeIds.parse(line.itemId())
              .orElseThrow(() -> ProblemException.invalid("items", "itemId must be an item id"));
      if (lines.put(item, line.quantity()) != null) {
        throw ProblemException.invalid("items", "must name each item once");
      }
    }
    return checkouts
        .checkout(callerId(), lines)
        .map(o -> Response.created(URI.create("/orders/" + o.id())).entity(o).build());
  }

  /** Personal and changing with every transition: private, revalidated through its ETag. */
  @GET
  @Path("orders/{id}")
  public Uni<Response> get(@PathParam("id") String id, @Context Request request) {
    return orders
        .get(callerId(), orderId(id))
        .map(
            o ->
                ConditionalGets.ok(
                    request,
                    ConditionalGets.version(o.id(), o.status(), o.updatedAt().toEpochMilli()),
                    o,
                    ConditionalGets.PRIVATE));
  }

  @GET
  @Path("users/me/orders")
  public Uni<Response> mine(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @Context Request request) {
    int size = Params.limit(limit, config.defaultPageSize(), config.maxPageSize());
    long before = Params.idCursor(cursor);
    return orders
        .list(callerId(), before, size)
        .map(
            page ->
                ConditionalGets.ok(
                    request,
                    ConditionalGets.version(
                        page.items().stream()
                            .map(o -> o.id() + o.status() + o.updatedAt().toEpochMilli())
                            .toList(),
                        page.next()),
                    page,
                    ConditionalGets.PRIVATE));
  }

  /** 200 {@code {"orderId","status":"PAID"}}; a declined card is 402 and cancels the order. */
  @POST
  @Path("orders/{id}/payments")
  public Uni<Map<String, String>> pay(
      @PathParam("id") String id, @Valid @NotNull OrderRequests.Payment payment) {
    return orders
        .pay(callerId(), orderId(id), payment.method(), payment.token())
        .map(OrderResource::status);
  }

  @POST
  @Path("orders/{id}/cancel")
  public Uni<Map<String, String>> cancel(@PathParam("id") String id) {
    return orders.cancel(callerId(), orderId(id)).map(OrderResource::status);
  }

  private static Map<String, String> status(OrderView o) {
    return Map.of("orderId", o.id(), "status", o.status());
  }

  private long callerId() {
    return Params.callerId(caller.getSubject());
  }

  private static long orderId(String id) {
    return Params.idOr404(id, "No order with this id");
  }
}
