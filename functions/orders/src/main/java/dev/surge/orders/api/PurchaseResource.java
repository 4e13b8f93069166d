package dev.surge.orders.api;

import dev.surge.orders.domain.PurchaseService;
import dev.surge.web.Params;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code POST /sales/{id}/purchases}: a flash-sale purchase, answered from Redis alone. The
 * Idempotency-Key is required (shared-guard enforces it from the route table); the script also
 * keeps it per buyer, so a retry returns the same order and never takes a second unit.
 */
@Path("/sales/{id}/purchases")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PurchaseResource {
  private final PurchaseService purchases;
  private final JsonWebToken caller;

  public PurchaseResource(PurchaseService purchases, JsonWebToken caller) {
    this.purchases = purchases;
    this.caller = caller;
  }

  /** A body of {@code {}} or {@code {"quantity": n}}, n from 1 to 10. */
  public record PurchaseRequest(Integer quantity) {}

  @POST
  @Authenticated
  public Uni<Response> purchase(
      @PathParam("id") String id,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Valid @NotNull PurchaseRequest request) {
    long sale = Params.idOr404(id, "No sale with this id");
    int quantity = request.quantity() == null ? 1 : request.quantity();
    return purchases
        .purchase(sale, Params.callerId(caller.getSubject()), key(idempotencyKey), quantity)
        .map(
            order ->
                Response.accepted(Map.of("orderId", Long.toString(order), "status", "PENDING"))
                    .location(URI.create("/orders/" + order))
                    .build());
  }

  /** The key as shared-guard reads it: an sf-string's quotes are not part of it. */
  private static String key(String header) {
    if (header == null) {
      return null;
    }
    String key = header.trim();
    return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")
        ? key.substring(1, key.length() - 1)
        : key;
  }
}
