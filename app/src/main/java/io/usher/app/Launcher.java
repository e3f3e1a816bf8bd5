package io.usher.app;

import io.usher.application.Usher;
import io.usher.cli.Cli;
import io.usher.domain.common.UsherException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The entry point of every form of Usher (java -jar, the jpackage launcher, javafx:run). Plain
 * class rather than a JavaFX Application so that it starts from the class path.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    // Scripts ask for the version often: answered before picocli builds every command's model,
    // which is most of what --version cost.
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      System.out.println("usher " + io.usher.application.Version.current());
      return;
    }
    int code =
        new Cli(
                Launcher::open,
                option -> Desktop.start(dataDir(option)),
                option -> Headless.serve(dataDir(option)),
                Launcher::restore)
            .execute(args);
    if (code != Cli.WINDOW_OPENED) {
      System.exit(code);
    }
  }

  static Path dataDir(String option) {
    Path dir = DataDirs.resolve(option, System.getenv(), System.getProperty("os.name"));
    // Logback reads this when the first logger is created, which happens after this point.
    System.setProperty("usher.logDir", dir.resolve("logs").toString());
    return dir;
  }

  /** usher restore: the data folder's ledger file put back; never over a PostgreSQL ledger. */
  static String restore(String option, String file) {
    if (DatabaseAddress.configured(System.getenv()) != null) {
      throw new UsherException(
          "The ledger is on PostgreSQL: restore it with PostgreSQL's own tools; usher restore"
              + " puts back the data folder's ledger file.");
    }
    return Restore.run(dataDir(option), Path.of(file), Clock.systemUTC());
  }

  static Usher open(String option) {
    return new AppContext(dataDir(option), Clock.systemUTC());
  }
}
