package dev.surge.users.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /users}. Unknown fields are rejected (see application.properties). */
public record SignupRequest(
    @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
    @NotNull
        @Pattern(
            regexp = "[A-Za-z0-9_]{3,30}",
            message = "must be 3 to 30 letters, digits or underscores")
        String handle,
    @NotBlank
        @Size(max = 50)
        @Pattern(regexp = Text.NO_CONTROL_CHARS, message = Text.NO_CONTROL_MESSAGE)
        String displayName,
    @NotNull @Size(min = 10, max = 256) String password) {}
