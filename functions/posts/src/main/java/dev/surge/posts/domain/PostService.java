package dev.surge.posts.domain;

import dev.surge.events.outbox.EventOutbox;
import dev.surge.events.outbox.OutboxRelay;
import dev.surge.model.Page;
import dev.surge.model.events.EventTypes;
import dev.surge.model.events.PostCreated;
import dev.surge.model.events.PostDeleted;
import dev.surge.model.ids.SurgeIds;
import dev.surge.model.posts.PostView;
import dev.surge.model.problem.ProblemException;
import dev.surge.posts.data.PostCache;
import dev.surge.posts.data.PostRepository;
import dev.surge.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Compose, read, delete and list posts; every change is announced through the outbox. */
@ApplicationScoped
public class PostService {
  private static final int MAX_TEXT = 2000;

  private final PostRepository posts;
  private final PostCache cache;
  private final EventOutbox outbox;
  private final OutboxRelay relay;
  private final PostsConfig config;

  public PostService(
      PostRepository posts,
      PostCache cache,
      EventOutbox outbox,
      OutboxRelay relay,
      PostsConfig config) {
    this.posts = posts;
    this.cache = cache;
    this.outbox = outbox;
    this.relay = relay;
    this.config = config;
  }

  /** A new post on the author's shard: its id embeds that shard, so it is found without lookup. */
  public Uni<PostView> compose(
      long author, String text, List<String> media, List<String> mentions) {
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      throw ProblemException.invalid("text", "must be at most 2000 characters");
    }
    long id = SurgeIds.next(SurgeIds.shardOf(author));
    var post =
        new PostView(
            Long.toString(id),
            Long.toString(author),
            text,
            media == null ? List.of() : List.copyOf(media),
            mentions == null ? List.of() : List.copyOf(mentions),
            Instant.now());
    return posts
        .insert(
            post,
            tx ->
                outbox.append(
                    tx,
                    id,
                    EventTypes.POSTS_TOPIC,
                    EventTypes.POST_CREATED,
                    post.authorId(),
                    new PostCreated(post)))
        .invoke(relay::nudge)
        .replaceWith(post);
  }

  public Uni<PostView> get(long id) {
    return cache.get(id).map(read -> requireFound(read.value()));
  }

  /** Only the author deletes; a post that is not there (any more) is 404. */
  public Uni<Void> delete(long caller, long id) {
    return posts
        .find(id)
        .map(PostService::requireFound)
        .chain(
            post -> {
              if (!post.authorId().equals(Long.toString(caller))) {
                throw ProblemException.forbidden("Only the author can delete a post");
              }
              var event = new PostDeleted(post.id(), post.authorId(), Instant.now());
              return posts.delete(
                  id,
                  tx ->
                      outbox.append(
                          tx,
                          id,
                          EventTypes.POSTS_TOPIC,
                          EventTypes.POST_DELETED,
                          post.authorId(),
                          event));
            })
        .map(PostService::requireFound)
        .call(() -> cache.invalidate(id))
        .invoke(relay::nudge)
        .replaceWithVoid();
  }

  public Uni<Page<PostView>> byAuthor(long author, String cursor, Integer limit) {
    int clamped = Params.limit(limit, config.defaultPageSize(), config.maxPageSize());
    long before = Params.idCursor(cursor);
    return posts
        .byAuthor(author, before, clamped)
        .map(items -> new Page<>(items, items.size() == clamped ? items.getLast().id() : null));
  }

  /** Moves every post older than {@code age} to the archive, batch by batch; returns how many. */
  public Uni<Long> archive(java.time.Duration age) {
    Instant cutoff = Instant.now().minus(age == null ? config.archiveAfter() : age);
    return posts
        .archive(cutoff, config.archiveBatch())
        .collect()
        .with(java.util.stream.Collectors.summingLong(Integer::longValue))
        .chain(
            moved ->
                moved == 0 ? Uni.createFrom().item(0L) : archive(age).map(more -> moved + more));
  }

  public boolean adminEnabled() {
    return config.adminEnabled();
  }

  private static <T> T requireFound(T value) {
    if (value == null) {
      throw ProblemException.notFound("No post with this id");
    }
    return value;
  }
}
