package dev.surge.model.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * Data of {@value EventTypes#USER_PROFILE_UPDATED}; drives cache invalidation in other functions.
 */
@RegisterForReflection
public record UserProfileUpdated(
    String userId, String displayName, String bio, Instant updatedAt) {}
