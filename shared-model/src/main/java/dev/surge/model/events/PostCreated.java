package dev.surge.model.events;

import dev.surge.model.posts.PostView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Data of {@value EventTypes#POST_CREATED}: the whole public post, so consumers (feed, search)
 * hydrate from their own stores and never call the posts function back.
 */
@RegisterForReflection
public record PostCreated(PostView post) {}
