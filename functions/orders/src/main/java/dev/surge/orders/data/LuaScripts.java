package dev.surge.orders.data;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs the orders' Lua scripts by SHA (EVALSHA): the body crosses the network once per Redis node.
 * A node that does not know a script (restart, failover, a new Cluster node) answers NOSCRIPT and
 * the call is repeated once with EVAL. Every key of one call shares a hash tag (one Cluster slot).
 */
@ApplicationScoped
public class LuaScripts {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final ReactiveRedisDataSource redis;

  public LuaScripts(ReactiveRedisDataSource redis) {
    this.redis = redis;
  }

  /** A script and its SHA-1, computed once. */
  public record Script(String body, String sha) {
    public static Script of(String body) {
      return new Script(body, sha1(body));
    }
  }

  public Uni<Response> run(Script script, List<String> keys, String... args) {
    return call(Command.EVALSHA, script.sha(), keys, args)
        .onFailure(e -> String.valueOf(e.getMessage()).startsWith("NOSCRIPT"))
        .recoverWithUni(() -> call(Command.EVAL, script.body(), keys, args))
        .ifNoItem()
        .after(TIMEOUT)
        .fail();
  }

  private Uni<Response> call(Command command, String script, List<String> keys, String... args) {
    String[] all = new String[2 + keys.size() + args.length];
    all[0] = script;
    all[1] = Integer.toString(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      all[2 + i] = keys.get(i);
    }
    System.arraycopy(args, 0, all, 2 + keys.size(), args.length);
    return redis.execute(command, all);
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
