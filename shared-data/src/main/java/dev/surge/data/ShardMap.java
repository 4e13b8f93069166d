package dev.surge.data;

import dev.surge.model.ids.SurgeIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which physical instance holds each logical shard. Immutable; the router swaps whole maps on
 * reload. Written as ranges, e.g. {@code 0-511=shard1,512-1023=shard2}; a later entry overrides an
 * earlier one, so a move is the old map plus {@code ,37=shard2}.
 *
 * <p>The number of logical shards is a power of two of at most {@link SurgeIds#SHARDS} (1024): an
 * id's embedded shard (0-1023) maps to logical shard {@code embedded % shards}, which stays
 * uniform. Adding a physical instance only moves whole logical shards; no user is rehashed.
 */
public final class ShardMap {
  private final String[] instanceOf;

  private ShardMap(String[] instanceOf) {
    this.instanceOf = instanceOf;
  }

  public static ShardMap parse(String spec, int shards) {
    if (shards <= 0 || shards > SurgeIds.SHARDS || Integer.bitCount(shards) != 1) {
      throw new IllegalArgumentException(
          "shard count must be a power of two up to " + SurgeIds.SHARDS + ": " + shards);
    }
    String[] map = new String[shards];
    for (String entry : spec.split(",")) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      int eq = e.indexOf('=');
      if (eq <= 0 || eq == e.length() - 1) {
        throw new IllegalArgumentException("shard map entry is not range=instance: " + e);
      }
      String range = e.substring(0, eq).strip();
      String instance = e.substring(eq + 1).strip();
      int dash = range.indexOf('-');
      int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash).strip());
      int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1).strip());
      if (from < 0 || to >= shards || from > to) {
        throw new IllegalArgumentException("shard range out of bounds: " + range);
      }
      Arrays.fill(map, from, to + 1, instance);
    }
    for (int s = 0; s < shards; s++) {
      if (map[s] == null) {
        throw new IllegalArgumentException("logical shard " + s + " is not mapped");
      }
    }
    return new ShardMap(map);
  }

  public int shards() {
    return instanceOf.length;
  }

  /** The logical shard an id lives on: the one embedded in it, folded to the shard count. */
  public int shardOf(long id) {
    return SurgeIds.shardOf(id) & (instanceOf.length - 1);
  }

  /** The logical shard of a lookup key (email, handle): {@link ShardKeys#hash}. */
  public int shardOfKey(String key) {
    return ShardKeys.hash(key) & (instanceOf.length - 1);
  }

  public String instanceOf(int shard) {
    return instanceOf[shard];
  }

  public Set<String> instances() {
    return new TreeSet<>(Arrays.asList(instanceOf));
  }

  public List<Integer> shardsOn(String instance) {
    List<Integer> shards = new ArrayList<>();
    for (int s = 0; s < instanceOf.length; s++) {
      if (instanceOf[s].equals(instance)) {
        shards.add(s);
      }
    }
    return shards;
  }

  /** This map with one logical shard reassigned: the flip at the end of a shard move. */
  public ShardMap with(int shard, String instance) {
    String[] copy = instanceOf.clone();
    copy[shard] = instance;
    return new ShardMap(copy);
  }

  /** The compact range form that {@link #parse} reads back. */
  public String spec() {
    StringBuilder out = new StringBuilder();
    int start = 0;
    for (int s = 1; s <= instanceOf.length; s++) {
      if (s == instanceOf.length || !instanceOf[s].equals(instanceOf[start])) {
        if (!out.isEmpty()) {
          out.append(',');
        }
        out.append(start == s - 1 ? Integer.toString(start) : start + "-" + (s - 1))
            .append('=')
            .append(instanceOf[start]);
        start = s;
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShardMap m && Arrays.equals(instanceOf, m.instanceOf);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(instanceOf);
  }

  @Override
  public String toString() {
    return spec();
  }
}
