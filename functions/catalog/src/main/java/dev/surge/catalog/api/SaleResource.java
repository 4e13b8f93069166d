package dev.surge.catalog.api;

import dev.surge.catalog.domain.SaleService;
import dev.surge.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A flash sale and what is left of it. */
@Path("/sales")
@Produces(MediaType.APPLICATION_JSON)
public class SaleResource {
  private final SaleService sales;

  public SaleResource(SaleService sales) {
    this.sales = sales;
  }

  /**
   * {@code remaining} moves with every purchase: a shared cache may reuse the answer for a second
   * (the staleness the API promises anyway), which takes a flash sale's page views off the
   * function.
   */
  @GET
  @Path("{id}")
  public Uni<Response> get(@PathParam("id") String id) {
    return sales
        .get(Params.idOr404(id, "No sale with this id"))
        .map(
            sale ->
                Response.ok(sale).header(HttpHeaders.CACHE_CONTROL, "public, max-age=1").build());
  }
}
