package dev.surge.model.users;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * The public profile of a user, as served by {@code GET /users/{id}} and cached by every function
 * that shows authors. The id is a decimal string: 64-bit ids do not fit a JavaScript number.
 */
@RegisterForReflection
public record UserProfile(
    String id, String handle, String displayName, String bio, Instant createdAt) {}
