package dev.surge.model.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** Data of {@value EventTypes#POST_DELETED}. */
@RegisterForReflection
public record PostDeleted(String postId, String authorId, Instant deletedAt) {}
