package dev.surge.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Idempotency records in Redis, one key per (caller, Idempotency-Key): {@code
 * {idem:<caller>:<key>}} (one Cluster slot each). A record is first an in-flight marker (status 0),
 * taken with SET NX so that of concurrent retries exactly one runs, then the stored response for
 * {@code ttl}.
 */
@ApplicationScoped
public class IdempotencyStore {
  // Takes the key if free (nil back), else returns what holds it, in one round trip.
  private static final GuardRedis.Script CLAIM =
      GuardRedis.Script.of(
          "if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end "
              + "return redis.call('GET', KEYS[1])");

  private final GuardRedis redis;
  private final ReactiveValueCommands<String, String> values;
  private final ObjectMapper json;
  private final GuardConfig.Idempotency config;

  public IdempotencyStore(GuardRedis redis, ObjectMapper json, GuardConfig config) {
    this.redis = redis;
    this.values = redis.redis().value(String.class);
    this.json = json;
    this.config = config.idempotency();
  }

  /** What a key holds: status 0 while the first request runs, then its response. */
  @RegisterForReflection
  public record Record(
      String fingerprint, int status, String body, String contentType, String location) {
    boolean inFlight() {
      return status == 0;
    }
  }

  static String key(String caller, String idempotencyKey) {
    return "{idem:" + caller + ":" + GuardRedis.sha1(idempotencyKey) + "}";
  }

  /** Null if this request now holds the key, else the record already there. */
  public Uni<Record> claim(String key, String fingerprint) {
    return redis
        .run(CLAIM, key, write(new Record(fingerprint, 0, null, null, null)), millis(true))
        .map(r -> r == null ? null : read(r.toString()));
  }

  /** Stores the first response for the TTL (24 h), replacing the in-flight marker. */
  public Uni<Void> complete(String key, Record response) {
    return values
        .set(key, write(response), new SetArgs().px(config.ttl().toMillis()))
        .ifNoItem()
        .after(redis.timeout())
        .fail();
  }

  /** Frees the key: the first request failed on our side, so a retry should run again. */
  public Uni<Void> release(String key) {
    return redis.redis().key().del(key).replaceWithVoid().ifNoItem().after(redis.timeout()).fail();
  }

  private String millis(boolean inFlight) {
    return Long.toString((inFlight ? config.inFlightTtl() : config.ttl()).toMillis());
  }

  private String write(Record record) {
    try {
      return json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Record read(String stored) {
    try {
      return json.readValue(stored, Record.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable idempotency record", e);
    }
  }
}
