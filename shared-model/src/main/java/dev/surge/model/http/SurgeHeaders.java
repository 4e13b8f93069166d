package dev.surge.model.http;

/** HTTP headers of Surge's own that clients read and send back: part of the public contract. */
public final class SurgeHeaders {
  /**
   * The consistency token of a client's last write (instance and WAL position). Sent back on a
   * read, it keeps the read off replicas that have not replayed that write yet. Opaque to clients.
   */
  public static final String CONSISTENCY = "X-Surge-Consistency";

  private SurgeHeaders() {}
}
