package dev.surge.posts.api;

import dev.surge.web.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new post. Text is 1 to 2,000 characters (code points; line breaks allowed), media are https
 * URLs, mentions are user ids (checked by the service: it is the one that turns them into numbers).
 * Every check is a loop with the length first, never a regex on unbounded input.
 */
public record ComposeRequest(
    @NotNull @PlainText(min = 1, max = 2000, multiline = true) String text,
    @Size(max = 4) List<@NotNull @PlainText(min = 1, max = 2048) String> mediaUrls,
    @Size(max = 10) List<@NotNull @PlainText(min = 1, max = 19) String> mentions) {

  /** Media are https URLs without spaces; a loop rather than a regex. */
  @AssertTrue(message = "mediaUrls must be https URLs")
  public boolean isMediaHttps() {
    if (mediaUrls == null) {
      return true;
    }
    for (String url : mediaUrls) {
      if (url == null || url.length() > 2048) {
        continue; // reported by the element constraints
      }
      if (!url.startsWith("https://") || url.length() == "https://".length()) {
        return false;
      }
      for (int i = 0; i < url.length(); i++) {
        if (Character.isWhitespace(url.charAt(i)) || Character.isSpaceChar(url.charAt(i))) {
          return false;
        }
      }
    }
    return true;
  }
}
