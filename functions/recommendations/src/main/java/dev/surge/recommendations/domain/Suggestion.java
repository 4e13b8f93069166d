package dev.surge.recommendations.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A user to follow and why: {@code popular}, or {@code followed-by-people-you-follow} with how many
 * of the caller's followees follow them.
 */
@RegisterForReflection
public record Suggestion(String userId, String reason, int mutuals) {}
