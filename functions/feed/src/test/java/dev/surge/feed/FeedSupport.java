package dev.surge.feed;

import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct looks at the feed's stores, for the tests' preconditions (JDBC and redis-cli). */
final class FeedSupport {
  private FeedSupport() {}

  static long followers(long author) {
    try (var c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/surge_test", "surge", "surge");
        var s = c.prepareStatement("select followers from feed_authors where id = ?")) {
      s.setLong(1, author);
      var rs = s.executeQuery();
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The post's score in the user's Redis timeline, null if it is not there. */
  static String timelineScore(long user, String postId) {
    try {
      Process p =
          new ProcessBuilder("redis-cli", "-p", "6379", "ZSCORE", "feed:tl:{" + user + "}", postId)
              .start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return out.isEmpty() ? null : out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void dropTimeline(long user) {
    try {
      new ProcessBuilder("redis-cli", "-p", "6379", "DEL", "feed:tl:{" + user + "}")
          .redirectErrorStream(true)
          .start()
          .waitFor();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
