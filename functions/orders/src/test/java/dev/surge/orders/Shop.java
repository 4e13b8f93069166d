package dev.surge.orders;

import static io.restassured.RestAssured.given;

import dev.surge.model.catalog.SaleKeys;
import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What catalog would have set up, made by hand (catalog runs separately): items in the test
 * database and flash sales in Redis in shared-model's {@link SaleKeys} layout, written with
 * redis-cli so the same helper serves the JVM and the native tests. Plus direct reads of what the
 * orders function wrote.
 */
final class Shop {
  static final String DB = "jdbc:postgresql://127.0.0.1:5432/surge_test";

  private Shop() {}

  /** A new item with {@code stock} units at {@code priceCents} EUR; its id. */
  static long item(int stock, long priceCents) {
    long id = SurgeIds.next();
    sql(
        "insert into items (id, sku, title, price_cents, currency, stock, created_at, updated_at)"
            + " values (?, ?, 'Test item', ?, 'EUR', ?, now(), now())",
        id,
        "SKU-" + id,
        priceCents,
        stock);
    return id;
  }

  static long stockOf(long item) {
    return scalar("select stock from items where id = ?", item);
  }

  /** A sale open from a minute ago for an hour (or not yet open when {@code open} is false). */
  static long sale(int port, long item, int quantity, int perUserLimit, int buckets, boolean open) {
    long id = SurgeIds.next();
    long now = System.currentTimeMillis();
    long starts = open ? now - 60_000 : now + 3_600_000;
    for (int b = 0; b < buckets; b++) {
      int units = quantity / buckets + (b < quantity % buckets ? 1 : 0);
      redis(
          port,
          "HSET",
          SaleKeys.definition(id, b),
          "item",
          Long.toString(item),
          "price",
          "1500",
          "starts",
          Long.toString(starts),
          "ends",
          Long.toString(starts + 3_600_000),
          "limit",
          Integer.toString(perUserLimit),
          "quantity",
          Integer.toString(quantity),
          "buckets",
          Integer.toString(buckets));
      // Catalog keeps a sale's keys until its end plus a retention: here two hours.
      redis(port, "PEXPIRE", SaleKeys.definition(id, b), "7200000");
      redis(port, "SET", SaleKeys.stock(id, b), Integer.toString(units), "PX", "7200000");
    }
    return id;
  }

  /** Units left in all buckets of a sale. */
  static long remaining(int port, long sale, int buckets) {
    long left = 0;
    for (int b = 0; b < buckets; b++) {
      left += Long.parseLong(redis(port, "GET", SaleKeys.stock(sale, b)).trim());
    }
    return left;
  }

  static Response purchase(long sale, long buyer, String key, Object body) {
    var request = given().auth().oauth2(Tokens.forUser(buyer)).contentType(ContentType.JSON);
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.body(body).post("/sales/{id}/purchases", sale);
  }

  static Response purchase(long sale, long buyer) {
    return purchase(sale, buyer, UUID.randomUUID().toString(), Map.of());
  }

  /** Orders of a sale persisted in the test database. */
  static long ordersOfSale(long sale) {
    return scalar("select count(*) from orders where sale_id = ?", sale);
  }

  static String status(long order) {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("select status from orders where id = ?")) {
      s.setLong(1, order);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long scalar(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sql(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One redis-cli command ({@code -c} follows Cluster redirects); its output. */
  static String redis(int port, String... command) {
    List<String> args = new ArrayList<>(List.of("redis-cli", "-c", "-p", Integer.toString(port)));
    args.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("redis-cli " + command[0] + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect() throws SQLException {
    // The driver directly, not DriverManager: under a test profile's class loader the driver's
    // service registration is not seen.
    java.util.Properties credentials = new java.util.Properties();
    credentials.setProperty("user", "surge");
    credentials.setProperty("password", "surge");
    return new org.postgresql.Driver().connect(DB, credentials);
  }
}
