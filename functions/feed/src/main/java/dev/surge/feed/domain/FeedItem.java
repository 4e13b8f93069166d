package dev.surge.feed.domain;

import dev.surge.feed.data.Cards;
import dev.surge.model.posts.PostView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One entry of a home timeline: the post and its author, hydrated from the feed's own stores. */
@RegisterForReflection
public record FeedItem(PostView post, Cards.Author author) {}
