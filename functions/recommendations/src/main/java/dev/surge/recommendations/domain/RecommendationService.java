package dev.surge.recommendations.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.guard.Switches;
import dev.surge.recommendations.config.RecommendationsConfig;
import dev.surge.recommendations.data.Follows;
import dev.surge.recommendations.data.Popularity;
import dev.surge.recommendations.data.PreparedLists;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who to follow: users followed by the people you follow (ranked by how many of them), topped up
 * with the most followed users. Prepared when events arrive, so a read is one Redis GET.
 */
@ApplicationScoped
public class RecommendationService {
  private static final TypeReference<List<Suggestion>> LIST = new TypeReference<>() {};

  private final Follows follows;
  private final Popularity popularity;
  private final PreparedLists lists;
  private final ObjectMapper json;
  private final RecommendationsConfig config;
  private final Switches switches;

  public RecommendationService(
      Follows follows,
      Popularity popularity,
      PreparedLists lists,
      ObjectMapper json,
      RecommendationsConfig config,
      Switches switches) {
    this.follows = follows;
    this.popularity = popularity;
    this.lists = lists;
    this.json = json;
    this.config = config;
    this.switches = switches;
  }

  /** A new user follows nobody yet: the popular users. */
  public Uni<Void> welcome(long user) {
    return popular(Set.of(user), config.size()).chain(list -> save(user, list));
  }

  /**
   * A follow or unfollow: the follow projection (follower's shard) and the target's popularity
   * (target's shard) each claim their half of the event once; the follower's list is then
   * recomputed from scratch, so a redelivered event redoes that harmlessly.
   */
  public Uni<Void> followChanged(String eventId, long follower, long target, boolean follow) {
    return follows
        .apply(eventId, follower, target, follow)
        .chain(() -> popularity.change(eventId + "#target", target, follow ? 1 : -1))
        .chain(() -> follows.followees(follower))
        .chain(followees -> recommend(follower, followees))
        .chain(list -> save(follower, list));
  }

  /**
   * The prepared list, or the popular users if none is prepared yet. With the {@code
   * recommendations-default} kill switch on, everyone gets the popular list (the degraded answer
   * the design calls for when personal lists are wrong or too costly).
   */
  public Uni<List<Suggestion>> forUser(long user) {
    Uni<List<Suggestion>> answer =
        switches.on("recommendations-default")
            ? popular(Set.of(user), config.size())
            : lists
                .get(user)
                .chain(
                    body ->
                        body != null
                            ? Uni.createFrom().item(read(body))
                            : popular(Set.of(user), config.size()));
    return answer.ifNoItem().after(config.readTimeout()).fail();
  }

  /** Whom {@code user}'s followees follow, most shared first, topped up with popular users. */
  private Uni<List<Suggestion>> recommend(long user, List<Long> followees) {
    Set<Long> exclude = new HashSet<>(followees);
    exclude.add(user);
    return follows
        .followedBy(followees.stream().limit(config.maxFolloweesScanned()).toList())
        .chain(
            counts -> {
              List<Suggestion> list = new ArrayList<>();
              counts.entrySet().stream()
                  .filter(e -> !exclude.contains(e.getKey()))
                  .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed())
                  .limit(config.size())
                  .forEach(
                      e ->
                          list.add(
                              new Suggestion(
                                  Long.toString(e.getKey()),
                                  "followed-by-people-you-follow",
                                  e.getValue())));
              list.forEach(s -> exclude.add(Long.parseLong(s.userId())));
              return popular(exclude, config.size() - list.size())
                  .map(
                      more -> {
                        list.addAll(more);
                        return list;
                      });
            });
  }

  /** Up to {@code count} of the most followed users, leaving out {@code exclude}. */
  private Uni<List<Suggestion>> popular(Set<Long> exclude, int count) {
    if (count <= 0) {
      return Uni.createFrom().item(List.of());
    }
    return popularity
        .top(count + exclude.size())
        .map(
            ids ->
                ids.stream()
                    .filter(id -> !exclude.contains(id))
                    .limit(count)
                    .map(id -> new Suggestion(Long.toString(id), "popular", 0))
                    .collect(Collectors.toCollection(ArrayList::new)));
  }

  private Uni<Void> save(long user, List<Suggestion> list) {
    try {
      return lists.save(user, json.writeValueAsString(list));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Suggestion> read(String body) {
    try {
      return json.readValue(body, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt recommendation list", e);
    }
  }
}
