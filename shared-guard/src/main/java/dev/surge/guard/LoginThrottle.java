package dev.surge.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.surge.model.problem.Problem;
import dev.surge.model.problem.ProblemException;
import dev.surge.model.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wrong-password throttle, per account (normalised email) and per client IP: after {@code
 * max-*-failures} failures in a window (which starts at the first failure), logins get 429 with
 * Retry-After until it ends, before any password is checked. A success clears the account's count.
 * Counters live in Redis ({@code {login:a:<sha1(email)>}}, {@code {login:ip:<ip>}}); when Redis
 * fails, in-process counters of the same shape take over.
 */
@ApplicationScoped
public class LoginThrottle {
  // Returns {failures, ms left in the window} of KEYS[1].
  private static final GuardRedis.Script READ =
      GuardRedis.Script.of(
          "return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}");
  // Counts one failure; the first one starts the window.
  private static final GuardRedis.Script FAIL =
      GuardRedis.Script.of(
          "local n = redis.call('INCR', KEYS[1]) "
              + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n");

  private final GuardRedis redis;
  private final Callers callers;
  private final GuardConfig.Login config;
  private final Cache<String, AtomicInteger> local;

  public LoginThrottle(GuardRedis redis, Callers callers, GuardConfig config) {
    this.redis = redis;
    this.callers = callers;
    this.config = config.login();
    this.local =
        Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(this.config.window()).build();
  }

  /**
   * One login attempt by the current request's caller: the account and IP are captured now, while
   * the request is at hand, for the calls that follow the password check.
   */
  public Attempt attempt(String email) {
    return new Attempt(accountKey(email), ipKey());
  }

  /** The throttle's view of one login. */
  public final class Attempt {
    private final String account;
    private final String ip;

    private Attempt(String account, String ip) {
      this.account = account;
      this.ip = ip;
    }

    /** Fails with 429 + Retry-After if the account or this IP is throttled. */
    public Uni<Void> check() {
      return LoginThrottle.this.check(account, ip);
    }

    /** Counts a wrong password against the account and the IP. */
    public Uni<Void> failed() {
      return Uni.combine().all().unis(fail(account), fail(ip)).discardItems();
    }

    /** The right password: the account starts afresh (the IP's count stays). */
    public Uni<Void> succeeded() {
      return clear(account);
    }
  }

  private Uni<Void> check(String account, String ip) {
    return Uni.combine()
        .all()
        .unis(read(account), read(ip))
        .with(
            (a, i) -> {
              long wait =
                  Math.max(wait(a, config.maxAccountFailures()), wait(i, config.maxIpFailures()));
              if (wait > 0) {
                long seconds = Math.max(1, (wait + 999) / 1000);
                throw new ProblemException(
                    new Problem(
                        ProblemType.TOO_MANY_REQUESTS, "Too many failed logins; retry later"),
                    Map.of("Retry-After", Long.toString(seconds)));
              }
              return null;
            });
  }

  private Uni<Void> clear(String account) {
    local.invalidate(account);
    return redis
        .redis()
        .key()
        .del(account)
        .replaceWithVoid()
        .ifNoItem()
        .after(redis.timeout())
        .fail()
        .onFailure()
        .recoverWithNull();
  }

  private static long wait(long[] countAndTtl, int max) {
    return countAndTtl[0] >= max ? Math.max(countAndTtl[1], 1000) : 0;
  }

  private Uni<long[]> read(String key) {
    return redis
        .run(READ, key)
        .map(r -> new long[] {r.get(0).toLong(), r.get(1).toLong()})
        .onFailure()
        .recoverWithItem(
            () -> {
              AtomicInteger n = local.getIfPresent(key);
              return new long[] {n == null ? 0 : n.get(), config.window().toMillis()};
            });
  }

  private Uni<Void> fail(String key) {
    return redis
        .run(FAIL, key, Long.toString(config.window().toMillis()))
        .replaceWithVoid()
        .onFailure()
        .recoverWithItem(
            () -> {
              local.get(key, k -> new AtomicInteger()).incrementAndGet();
              return null;
            });
  }

  private String ipKey() {
    return "{login:ip:" + callers.ip() + "}";
  }

  /** Case and surrounding spaces do not make another account (nor another counter). */
  static String accountKey(String email) {
    String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    return "{login:a:" + GuardRedis.sha1(normalised) + "}";
  }
}
