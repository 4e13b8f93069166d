package dev.surge.catalog.api;

import dev.surge.catalog.config.CatalogConfig;
import dev.surge.catalog.domain.CatalogService;
import dev.surge.catalog.domain.Item;
import dev.surge.model.Page;
import dev.surge.model.catalog.ItemView;
import dev.surge.web.ConditionalGets;
import dev.surge.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** The public catalog: one item, and every item newest first. */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {
  /**
   * Items change (price, title, whether any is left), unlike posts: a CDN may reuse an answer
   * briefly, then revalidates with the ETag, which is cheap (304) while the row's version holds.
   */
  static final String CACHE_CONTROL = "public, max-age=5, must-revalidate";

  private final CatalogService catalog;
  private final CatalogConfig config;

  public ItemResource(CatalogService catalog, CatalogConfig config) {
    this.catalog = catalog;
    this.config = config;
  }

  @GET
  @Path("{id}")
  public Uni<Response> get(@PathParam("id") String id, @Context Request request) {
    return catalog
        .get(Params.idOr404(id, "No item with this id"))
        .map(
            item ->
                ConditionalGets.ok(
                    request,
                    ConditionalGets.version(item.view().id(), item.version()),
                    item.view(),
                    CACHE_CONTROL));
  }

  /** Newest first over every shard; {@code cursor} is the {@code next} of the previous page. */
  @GET
  public Uni<Response> list(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @Context Request request) {
    int size = Params.limit(limit, config.defaultPageSize(), config.maxPageSize());
    long before = Params.idCursor(cursor);
    return catalog
        .newest(before, size)
        .map(
            page -> {
              // A page's version: which items, at which versions, and where the next one starts.
              Object[] parts = new Object[page.items().size() * 2 + 1];
              int i = 0;
              for (Item item : page.items()) {
                parts[i++] = item.view().id();
                parts[i++] = item.version();
              }
              parts[i] = page.next();
              Page<ItemView> body =
                  new Page<>(page.items().stream().map(Item::view).toList(), page.next());
              return ConditionalGets.ok(
                  request, ConditionalGets.version(parts), body, CACHE_CONTROL);
            });
  }
}
