package dev.surge.data;

import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** The current shard map, swapped whole on reload, and the reloading of the map file. */
final class ShardMapHolder {
  // Logged under the router's category so operators' log filters keep working.
  private static final Logger LOG = Logger.getLogger(ShardRouter.class);

  private final Topology topology;
  private final Predicate<String> knownInstance;
  private volatile ShardMap map;
  private volatile FileTime mapFileTime;

  ShardMapHolder(Topology topology, ShardMap initial, Predicate<String> knownInstance) {
    this.topology = topology;
    this.knownInstance = knownInstance;
    this.map = initial;
    check(initial);
  }

  ShardMap map() {
    return map;
  }

  void reload(ShardMap next) {
    check(next);
    if (!next.equals(map)) {
      LOG.infof("Shard map reloaded: %s", next.spec());
      map = next;
    }
  }

  private void check(ShardMap next) {
    if (next.shards() != topology.shards()) {
      throw new IllegalArgumentException("the shard count is fixed at " + topology.shards());
    }
    for (String instance : next.instances()) {
      if (!knownInstance.test(instance)) {
        throw new IllegalArgumentException("shard map names an unknown instance: " + instance);
      }
    }
  }

  void reloadFromFile() {
    var file = topology.mapFile().orElseThrow();
    try {
      FileTime time = Files.getLastModifiedTime(file);
      if (time.equals(mapFileTime)) {
        return;
      }
      String spec =
          Files.readAllLines(file).stream()
              .map(l -> l.replaceAll("#.*", "").strip())
              .filter(l -> !l.isEmpty())
              .collect(Collectors.joining(","));
      reload(ShardMap.parse(spec, topology.shards()));
      mapFileTime = time;
    } catch (Exception e) {
      // Keep routing with the last good map; a broken file must not take the function down.
      LOG.errorf("Shard map file %s not loaded, keeping the current map: %s", file, e.toString());
    }
  }
}
