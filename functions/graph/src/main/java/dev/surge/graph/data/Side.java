package dev.surge.graph.data;

/** Which side of an edge a list reads: each side is a table on its owner's shard. */
public enum Side {
  FOLLOWING("graph_following", "target_id", "following"),
  FOLLOWERS("graph_followers", "follower_id", "followers");

  final String table;
  final String other;
  final String counter;

  Side(String table, String other, String counter) {
    this.table = table;
    this.other = other;
    this.counter = counter;
  }
}
