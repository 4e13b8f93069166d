package dev.surge.model.posts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * A post as every function shows it: the posts API, the {@code created} event and feed items. Ids
 * are decimal strings: 64-bit ids do not survive JavaScript numbers.
 */
@RegisterForReflection
public record PostView(
    String id,
    String authorId,
    String text,
    List<String> mediaUrls,
    List<String> mentions,
    Instant createdAt) {}
