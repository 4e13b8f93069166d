package dev.surge.web;

/**
 * What text Surge stores: no NUL or other control character (PostgreSQL refuses NUL with a 500, the
 * others break logs and other clients' layouts) and no unpaired UTF-16 surrogate (it cannot be
 * encoded as UTF-8 and would be stored as {@code ?}). One hand loop over the chars: no regex, so no
 * input length can overflow the stack.
 */
public final class Texts {
  /** Why a value was refused; the value itself is never echoed. */
  public static final String CONTROL = "must not contain control characters";

  public static final String SURROGATE = "must be valid Unicode text (no unpaired surrogates)";

  private Texts() {}

  /**
   * Null when {@code text} is acceptable, else the reason. {@code multiline} allows line feed,
   * carriage return and tab (post text, bio), never any other control character.
   */
  public static String problem(CharSequence text, boolean multiline) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++; // a valid pair: one supplementary code point
          continue;
        }
        return SURROGATE;
      }
      if (Character.isLowSurrogate(c)) {
        return SURROGATE;
      }
      if (isControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
        return CONTROL;
      }
    }
    return null;
  }

  /** C0 controls, DEL and C1 controls: Unicode's general category Cc. */
  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }

  /** Whether the text has any character that is not whitespace (after the checks above). */
  public static boolean isBlank(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i)) && !Character.isSpaceChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Length in code points (what a person counts), stopping as soon as it passes {@code max}. */
  public static boolean longerThan(CharSequence text, int max) {
    if (text.length() <= max) {
      return false; // never more code points than chars
    }
    int points = 0;
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isLowSurrogate(text.charAt(i)) && ++points > max) {
        return true;
      }
    }
    return false;
  }
}
