package io.usher.app;

import io.usher.application.Usher;
import io.usher.cli.Cli;
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
                (option, file) -> Restore.run(dataDir(option), Path.of(file), Clock.systemUTC()))
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

  static Usher open(String option) {
    return new AppContext(dataDir(option), Clock.systemUTC());
  }
}
