package dev.surge.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One page of a list with cursor pagination. {@code next} is opaque to clients: pass it back as
 * {@code ?cursor=}; it is null on the last page. Cursors (not offsets) keep pages stable while new
 * items arrive at the head.
 */
@RegisterForReflection
public record Page<T>(List<T> items, String next) {}
