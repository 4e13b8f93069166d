package dev.surge.data;

import dev.surge.model.http.SurgeHeaders;

/**
 * Read-your-writes token: the physical instance a write committed on and a WAL position at or after
 * its commit record. Sent as {@value #HEADER} in the write's response; a later read that carries it
 * is served by a replica only once that replica has replayed past {@code lsn}.
 *
 * <p>Text form {@code <instance>@<lsn>}, the LSN as PostgreSQL prints it ({@code 16/B374D848}).
 */
public record ConsistencyToken(String instance, long lsn) {
  public static final String HEADER = SurgeHeaders.CONSISTENCY;

  /** The token in a request header, or null when absent or not understood (then: no token). */
  public static ConsistencyToken parse(String text) {
    if (text == null || text.length() > 200) {
      return null;
    }
    int at = text.lastIndexOf('@');
    if (at <= 0) {
      return null;
    }
    try {
      return new ConsistencyToken(text.substring(0, at), Lsn.parse(text.substring(at + 1)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return instance + "@" + Lsn.format(lsn);
  }

  /** PostgreSQL's pg_lsn text form: two hex halves. */
  public static final class Lsn {
    private Lsn() {}

    public static long parse(String text) {
      int slash = text.indexOf('/');
      if (slash <= 0 || slash > 8 || text.length() - slash - 1 > 8 || slash == text.length() - 1) {
        throw new IllegalArgumentException("not an LSN: " + text);
      }
      long hi = Long.parseLong(text.substring(0, slash), 16);
      long lo = Long.parseLong(text.substring(slash + 1), 16);
      return (hi << 32) | lo;
    }

    public static String format(long lsn) {
      return Long.toHexString(lsn >>> 32).toUpperCase()
          + "/"
          + Long.toHexString(lsn & 0xffffffffL).toUpperCase();
    }
  }
}
