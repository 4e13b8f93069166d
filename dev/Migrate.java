import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Applies migration sets to databases in one JVM: every set (a directory of V<n>__*.sql) to every
 * JDBC URL, each set with its own history table, so functions version their schemas
 * independently in shared databases. Run by dev/migrate:
 *
 * <pre>java -cp 'libs/*' dev/Migrate.java user password set=name:dir ... url ...</pre>
 */
public class Migrate {
  public static void main(String[] args) {
    // Flyway logs every step through java.util.logging; one summary line per set is enough.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    for (var handler : java.util.logging.Logger.getLogger("").getHandlers()) {
      handler.setLevel(java.util.logging.Level.WARNING);
    }
    String user = args[0];
    String password = args[1];
    List<String[]> sets = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      if (args[i].startsWith("set=")) {
        sets.add(args[i].substring(4).split(":", 2));
      } else {
        urls.add(args[i]);
      }
    }
    for (String url : urls) {
      for (String[] set : sets) {
        if (!Files.isDirectory(Path.of(set[1]))) {
          continue;
        }
        Flyway flyway =
            Flyway.configure()
                .dataSource(url, user, password)
                .locations("filesystem:" + set[1])
                .table("flyway_history_" + set[0])
                // Every database already holds other sets' tables: Flyway must still start this
                // set's history there, below V1 so every migration of the set runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        var result = flyway.migrate();
        var current = flyway.info().current();
        System.out.printf(
            "[migrate] %-16s %-44s %d applied, now at %s%n",
            set[0], url.replace("jdbc:postgresql://", ""), result.migrationsExecuted,
            current == null ? "-" : current.getVersion());
      }
    }
  }
}
