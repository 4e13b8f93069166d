package dev.surge.posts.domain;

import dev.surge.model.Page;
import dev.surge.model.events.PostCreated;
import dev.surge.model.events.PostDeleted;
import dev.surge.model.ids.SurgeIds;
import dev.surge.model.posts.PostView;
import dev.surge.model.problem.ProblemException;
import dev.surge.posts.config.PostsConfig;
import dev.surge.posts.data.PostCache;
import dev.surge.posts.data.PostRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Compose, read, delete and list posts; every change is announced (see PostRepository). */
@ApplicationScoped
public class PostService {
  private static final int MAX_TEXT = 2000;

  private final PostRepository posts;
  private final PostCache cache;
  private final PostsConfig config;

  public PostService(PostRepository posts, PostCache cache, PostsConfig config) {
    this.posts = posts;
    this.cache = cache;
    this.config = config;
  }

  /** A new post on the author's shard: its id embeds that shard, so it is found without lookup. */
  public Uni<PostView> compose(
      long author, String text, List<String> media, List<String> mentions) {
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      throw ProblemException.invalid("text", "must be at most 2000 characters");
    }
    List<String> mentioned =
        mentions == null ? List.of() : mentions.stream().map(PostService::userId).toList();
    var post =
        new PostView(
            Long.toString(SurgeIds.next(SurgeIds.shardOf(author))),
            Long.toString(author),
            text,
            media == null ? List.of() : List.copyOf(media),
            mentioned,
            Instant.now());
    return posts.insert(new PostCreated(post)).replaceWith(post);
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
              return posts.delete(new PostDeleted(post.id(), post.authorId(), Instant.now()));
            })
        .chain(deleted -> deleted ? cache.invalidate(id) : Uni.createFrom().failure(notFound()));
  }

  /** An author's posts below the id {@code before}, newest first; next is the last id shown. */
  public Uni<Page<PostView>> byAuthor(long author, long before, int limit) {
    return posts
        .byAuthor(author, before, limit)
        .map(items -> new Page<>(items, items.size() == limit ? items.getLast().id() : null));
  }

  /** Moves every post older than {@code age} to the archive, batch by batch; returns how many. */
  public Uni<Long> archive(Duration age) {
    Instant cutoff = Instant.now().minus(age == null ? config.archiveAfter() : age);
    return posts
        .archive(cutoff, config.archiveBatch())
        .chain(
            moved ->
                moved == 0 ? Uni.createFrom().item(0L) : archive(age).map(more -> moved + more));
  }

  /** A mention is a user id as this API writes it; anything else (a sign, 2^63) is a 400. */
  private static String userId(String mention) {
    return Long.toString(
        SurgeIds.parse(mention)
            .orElseThrow(() -> ProblemException.invalid("mentions", "must be user ids")));
  }

  private static <T> T requireFound(T value) {
    if (value == null) {
      throw notFound();
    }
    return value;
  }

  private static ProblemException notFound() {
    return ProblemException.notFound("No post with this id");
  }
}
