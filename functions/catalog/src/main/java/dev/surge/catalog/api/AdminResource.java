package dev.surge.catalog.api;

import dev.surge.catalog.domain.CatalogService;
import dev.surge.catalog.domain.ItemPatch;
import dev.surge.catalog.domain.NewItem;
import dev.surge.catalog.domain.NewSale;
import dev.surge.catalog.domain.SaleService;
import dev.surge.model.ids.SurgeIds;
import dev.surge.model.problem.ProblemException;
import dev.surge.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What operators do to the catalog: items and flash sales. Group admin only (401 without a token,
 * 403 with a user's).
 */
@Path("/admin")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
  private final CatalogService catalog;
  private final SaleService sales;

  public AdminResource(CatalogService catalog, SaleService sales) {
    this.catalog = catalog;
    this.sales = sales;
  }

  @POST
  @Path("items")
  public Uni<Response> createItem(@Valid @NotNull NewItemRequest request) {
    var item =
        new NewItem(
            request.sku(),
            request.title(),
            request.description(),
            request.priceCents(),
            request.currency(),
            request.stock());
    return catalog
        .create(item)
        .map(
            created ->
                Response.created(URI.create("/items/" + created.view().id()))
                    .entity(created.view())
                    .build());
  }

  @PATCH
  @Path("items/{id}")
  public Uni<Response> updateItem(
      @PathParam("id") String id, @Valid @NotNull ItemPatchRequest request) {
    var changes =
        new ItemPatch(
            request.sku(),
            request.title(),
            request.description(),
            request.priceCents(),
            request.currency(),
            request.stock());
    return catalog
        .update(Params.idOr404(id, "No item with this id"), changes)
        .map(item -> Response.ok(item.view()).build());
  }

  @POST
  @Path("sales")
  public Uni<Response> createSale(@Valid @NotNull NewSaleRequest request) {
    var sale =
        new NewSale(
            SurgeIds.parse(request.itemId())
                .orElseThrow(() -> ProblemException.invalid("itemId", "must be an item id")),
            request.quantity(),
            request.priceCents(),
            instant("startsAt", request.startsAt()),
            instant("endsAt", request.endsAt()),
            request.perUserLimit());
    return sales
        .create(sale)
        .map(view -> Response.created(URI.create("/sales/" + view.id())).entity(view).build());
  }

  private static Instant instant(String field, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(
          field, "must be an ISO-8601 instant such as 2026-12-24T18:00:00Z");
    }
  }
}
