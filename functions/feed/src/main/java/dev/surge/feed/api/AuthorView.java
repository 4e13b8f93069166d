package dev.surge.feed.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The author card shown with a feed item; handle and name are null until the feed knows them. */
@RegisterForReflection
public record AuthorView(String id, String handle, String displayName) {}
