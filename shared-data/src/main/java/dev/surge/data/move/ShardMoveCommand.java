package dev.surge.data.move;

import dev.surge.data.move.ShardMove.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The command line of {@link ShardMove#main}: options in, a move whose flip edits the map file. */
final class ShardMoveCommand {
  private ShardMoveCommand() {}

  static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--table")) {
        int eq = args[i + 1].indexOf('=');
        tables.add(new Table(args[i + 1].substring(0, eq), args[i + 1].substring(eq + 1)));
      } else {
        opts.put(args[i].substring(2), args[i + 1]);
      }
    }
    int shard = Integer.parseInt(opts.get("shard"));
    String mapFile = opts.get("map-file");
    String to = opts.get("to");
    ShardMove move =
        new ShardMove(
            opts.get("source"),
            opts.get("source-conninfo"),
            opts.get("target"),
            opts.getOrDefault("user", "postgres"),
            opts.getOrDefault("password", ""),
            tables,
            shard,
            Long.parseLong(opts.getOrDefault("grace-ms", "6000")));
    Consumer<String> flip =
        line -> {
          try {
            if (mapFile != null) {
              Files.writeString(
                  Path.of(mapFile),
                  line + System.lineSeparator(),
                  java.nio.file.StandardOpenOption.APPEND);
            }
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        };
    move.run(() -> flip.accept(shard + "=" + to));
  }
}
