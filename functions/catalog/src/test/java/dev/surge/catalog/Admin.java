package dev.surge.catalog;

import static io.restassured.RestAssured.given;

import dev.surge.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the tests do as an operator, and what they read behind the function's back: the test
 * database over JDBC and Redis with redis-cli, so the same helpers serve JVM and native runs.
 */
final class Admin {
  static final String DB = "jdbc:postgresql://127.0.0.1:5432/surge_test";

  private Admin() {}

  static RequestSpecification asAdmin() {
    return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
  }

  static Map<String, Object> item(String title) {
    Map<String, Object> item = new HashMap<>();
    item.put("sku", "MUG-" + System.nanoTime());
    item.put("title", title);
    item.put("description", "Stoneware.\nHolds 350 ml.");
    item.put("priceCents", 1299);
    item.put("currency", "EUR");
    item.put("stock", 40);
    return item;
  }

  /** A new item; its id. */
  static String createItem(String title) {
    return asAdmin()
        .body(item(title))
        .post("/admin/items")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static Response patch(String id, Map<String, Object> changes) {
    return asAdmin().body(changes).patch("/admin/items/{id}", id);
  }

  static Map<String, Object> sale(String itemId, int quantity) {
    Instant now = Instant.now();
    Map<String, Object> sale = new HashMap<>();
    sale.put("itemId", itemId);
    sale.put("quantity", quantity);
    sale.put("priceCents", 999);
    sale.put("startsAt", now.minusSeconds(60).toString());
    sale.put("endsAt", now.plusSeconds(3600).toString());
    sale.put("perUserLimit", 2);
    return sale;
  }

  static long scalar(String sql, Object... args) {
    try (var c = connect();
        var s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      var rows = s.executeQuery();
      return rows.next() ? rows.getLong(1) : -1;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sql(String sql, Object... args) {
    try (var c = connect();
        var s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // The driver by hand: DriverManager does not see it from Quarkus' test class loader.
  private static java.sql.Connection connect() throws SQLException {
    var credentials = new java.util.Properties();
    credentials.setProperty("user", "surge");
    credentials.setProperty("password", "surge");
    return new org.postgresql.Driver().connect(DB, credentials);
  }

  /** One redis-cli command on the local Redis; its output, trimmed. */
  static String redis(String... command) {
    return redisAt(6379, command);
  }

  /** One redis-cli command on the Redis at {@code port}, following Cluster redirects (-c). */
  static String redisAt(int port, String... command) {
    String[] line = new String[command.length + 4];
    line[0] = "redis-cli";
    line[1] = "-c";
    line[2] = "-p";
    line[3] = Integer.toString(port);
    System.arraycopy(command, 0, line, 4, command.length);
    try {
      Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
