package dev.surge.guard;

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
 * The guard's Lua scripts, run by SHA (EVALSHA): the script body crosses the network once per Redis
 * node, not on every request. A node that does not know the script (restart, failover, a new
 * cluster node) answers NOSCRIPT, and the call is repeated once with EVAL, which caches it again.
 * Every call has the guard's Redis timeout, so a slow Redis costs a request at most that.
 */
@ApplicationScoped
public class GuardRedis {
  private final ReactiveRedisDataSource redis;
  private final Duration timeout;

  public GuardRedis(ReactiveRedisDataSource redis, GuardConfig config) {
    this.redis = redis;
    this.timeout = config.redisTimeout();
  }

  /** A Lua script and its SHA-1, computed once. */
  public record Script(String body, String sha) {
    public static Script of(String body) {
      return new Script(body, sha1(body));
    }
  }

  /** Runs {@code script} on {@code key} (one key: Redis Cluster routes it by its hash tag). */
  public Uni<Response> run(Script script, String key, String... args) {
    return run(script, List.of(key), timeout, args);
  }

  /**
   * Runs {@code script} on {@code keys}, which must share one hash tag (one Cluster slot), failing
   * after {@code within}. For other modules' scripts too (the orders' flash-sale scripts).
   */
  public Uni<Response> run(Script script, List<String> keys, Duration within, String... args) {
    return call(Command.EVALSHA, script.sha(), keys, args)
        .onFailure(e -> String.valueOf(e.getMessage()).startsWith("NOSCRIPT"))
        .recoverWithUni(() -> call(Command.EVAL, script.body(), keys, args))
        .ifNoItem()
        .after(within)
        .fail();
  }

  /** The typed data source, for plain commands (each caller adds {@link #timeout()}). */
  public ReactiveRedisDataSource redis() {
    return redis;
  }

  public Duration timeout() {
    return timeout;
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

  static String sha1(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
