package dev.surge.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stable hash that places a lookup key (a lower-cased email, a lower-cased handle) on a logical
 * shard: the first 4 bytes of SHA-256 of its UTF-8 bytes, as an unsigned number. Chosen because SQL
 * computes the same value ({@link #SQL}), so migrations and the shard move can place rows without
 * Java, and because it cannot be steered by the key's owner into one shard.
 */
public final class ShardKeys {
  /** The same hash in SQL, for a text expression {@code $KEY}: an int8 in [0, 2^32). */
  public static final String SQL =
      "('x' || substr(encode(sha256(convert_to($KEY, 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint";

  private ShardKeys() {}

  /** A non-negative hash; callers mask it with {@code shards - 1}. */
  public static int hash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      int h = ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
      return h & 0x7fffffff; // only the low bits matter: shards <= 1024
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #SQL} applied to a column or expression. */
  public static String sql(String keyExpression) {
    return SQL.replace("$KEY", keyExpression);
  }
}
