package dev.surge.graph.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** One entry of a following or followers list: the other user and since when. */
@RegisterForReflection
public record FollowView(String userId, Instant since) {}
