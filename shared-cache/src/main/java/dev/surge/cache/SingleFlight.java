package dev.surge.cache;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * At most one piece of work per key in flight in this instance: concurrent callers share its
 * result. The work runs on its own subscription, so a caller that goes away (client disconnect)
 * does not cancel it for the others. The caller's work must fill L1 before it completes: a caller
 * arriving just after completion then finds the value there instead of starting a second load.
 */
final class SingleFlight<T> {
  private final ConcurrentHashMap<String, CompletableFuture<T>> inFlight =
      new ConcurrentHashMap<>();

  Uni<T> run(String key, Supplier<Uni<T>> work) {
    CompletableFuture<T> mine = new CompletableFuture<>();
    CompletableFuture<T> existing = inFlight.putIfAbsent(key, mine);
    if (existing != null) {
      return Uni.createFrom().completionStage(existing);
    }
    Uni.createFrom()
        .<T>deferred(work::get)
        .subscribe()
        .with(
            item -> {
              inFlight.remove(key, mine);
              mine.complete(item);
            },
            failure -> {
              inFlight.remove(key, mine);
              mine.completeExceptionally(failure);
            });
    return Uni.createFrom().completionStage(mine);
  }

  int inFlight() {
    return inFlight.size();
  }
}
