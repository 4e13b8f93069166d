package dev.surge.data.move;

import dev.surge.data.move.ShardMove.Table;
import java.util.List;

/** What every step works on: the moved shard, its tables, and the name of its replication. */
record MoveScope(List<Table> tables, int shard) {
  /** Publication, subscription and slot share this name so a rerun finds its leftovers. */
  String name() {
    return "surge_move_" + shard;
  }
}
