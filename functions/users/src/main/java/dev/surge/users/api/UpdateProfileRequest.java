package dev.surge.users.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /users/me}: absent fields stay as they are. */
public record UpdateProfileRequest(
    @Size(min = 1, max = 50)
        @Pattern(
            regexp = "(?=.*\\S)" + Text.NO_CONTROL_CHARS,
            message = "must be visible text without control characters")
        String displayName,
    @Size(max = 280)
        @Pattern(regexp = Text.NO_CONTROL_CHARS_BUT_NEWLINE, message = Text.NO_CONTROL_MESSAGE)
        String bio) {

  @AssertTrue(message = "at least one of displayName and bio is required")
  public boolean isChangingSomething() {
    return displayName != null || bio != null;
  }
}
