package dev.surge.model.events;

import java.time.Instant;

/**
 * Data of {@value EventTypes#USER_PROFILE_UPDATED}; drives cache invalidation in other functions.
 */
public record UserProfileUpdated(
    String userId, String displayName, String bio, Instant updatedAt) {}
