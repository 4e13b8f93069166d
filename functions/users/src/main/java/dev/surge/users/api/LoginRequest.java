package dev.surge.users.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /sessions}. */
public record LoginRequest(
    @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 256) String password) {}
