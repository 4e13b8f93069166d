package dev.surge.events;

/**
 * An event that can never be applied (malformed data, impossible ids): retrying is pointless, so it
 * goes straight to the dead-letter topic with this message as the reason.
 */
public final class PoisonEvent extends RuntimeException {
  public PoisonEvent(String message) {
    super(message);
  }

  public PoisonEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
