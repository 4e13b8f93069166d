package dev.surge.model.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** Data of {@value EventTypes#GRAPH_FOLLOWED}: {@code followerId} now follows {@code targetId}. */
@RegisterForReflection
public record Followed(String followerId, String targetId, Instant at) {}
