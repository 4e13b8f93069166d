package dev.surge.users.api;

/** Shared text rules for free-form fields. */
final class Text {
  /** No control characters: they break logs, terminals and other clients' layouts. */
  static final String NO_CONTROL_CHARS = "[^\\p{Cc}]*";

  /** Multi-line text: newlines allowed, other control characters not. */
  static final String NO_CONTROL_CHARS_BUT_NEWLINE = "(?:[^\\p{Cc}]|\\n)*";

  static final String NO_CONTROL_MESSAGE = "must not contain control characters";

  private Text() {}
}
