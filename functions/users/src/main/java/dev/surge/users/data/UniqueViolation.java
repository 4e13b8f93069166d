package dev.surge.users.data;

import io.vertx.pgclient.PgException;
import java.util.Optional;

/** Finds which unique constraint a failed write broke, whatever layer wrapped the error. */
public final class UniqueViolation {
  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueViolation() {}

  public static Optional<String> constraintOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
        return Optional.ofNullable(pg.getConstraint()).or(() -> Optional.of(""));
      }
    }
    return Optional.empty();
  }

  public static boolean of(Throwable failure, String constraint) {
    return constraintOf(failure).filter(constraint::equals).isPresent();
  }
}
