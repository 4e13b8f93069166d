package dev.surge.model.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** Data of {@value EventTypes#GRAPH_UNFOLLOWED}: {@code followerId} stopped following. */
@RegisterForReflection
public record Unfollowed(String followerId, String targetId, Instant at) {}
