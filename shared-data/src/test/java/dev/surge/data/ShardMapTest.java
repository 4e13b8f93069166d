package dev.surge.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardMapTest {
  @Test
  void parsesRangesWithLaterEntriesWinningAndPrintsThemBack() {
    ShardMap map = ShardMap.parse("0-511=shard1, 512-1023=shard2, 37=shard2", 1024);
    assertEquals("shard2", map.instanceOf(37));
    assertEquals("shard1", map.instanceOf(38));
    assertEquals("0-36=shard1,37=shard2,38-511=shard1,512-1023=shard2", map.spec());
    assertEquals(map, ShardMap.parse(map.spec(), 1024));
    assertEquals(map, ShardMap.parse(Clusters.HALVES, 1024).with(37, "shard2"));
    assertEquals(List.of(0, 1), ShardMap.parse("0-1=a,2-3=b", 4).shardsOn("a"));
  }

  @Test
  void rejectsGapsBadRangesAndCounts() {
    assertThrows(IllegalArgumentException.class, () -> ShardMap.parse("0-510=a", 1024));
    assertThrows(IllegalArgumentException.class, () -> ShardMap.parse("0-1024=a", 1024));
    assertThrows(IllegalArgumentException.class, () -> ShardMap.parse("0-9=a", 10));
    assertThrows(IllegalArgumentException.class, () -> ShardMap.parse("x", 1024));
  }

  @Test
  void fewerLogicalShardsFoldTheEmbeddedOne() {
    ShardMap map = ShardMap.parse("0-255=a", 256);
    assertEquals(3, map.shardOf(dev.surge.model.ids.SurgeIds.next(3 + 256)));
  }

  @Test
  void tokensRoundTrip() {
    var token = ConsistencyToken.parse("shard1@16/B374D848");
    assertEquals(0x16B374D848L, token.lsn());
    assertEquals("shard1@16/B374D848", token.toString());
    assertNull(ConsistencyToken.parse("garbage"));
    assertNull(ConsistencyToken.parse("a@1/"));
  }
}
