package dev.surge.graph.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How many users someone follows and is followed by. */
@RegisterForReflection
public record GraphCounts(String userId, long following, long followers) {}
