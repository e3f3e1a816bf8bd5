package io.usher.app;

import io.usher.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run the build trains the JVM's ahead-of-time cache on (decision 0012): what a one-shot
 * command does, on a scratch data folder, in one process: the CLI parsed, the ledger created and
 * opened, plans, users and payments written and listed as text and JSON, settings read; then, given
 * a display, the window opened on that ledger. The classes loaded and linked here start every later
 * run of the same jar warm.
 */
public final class Training {
  private Training() {}

  /** Long enough for the window to open the ledger and fill its dashboard on a slow build box. */
  static final Duration WINDOW_TIME = Duration.ofSeconds(8);

  /**
   * @param args {@code --window} to open the window as well, after the commands (needs a display:
   *     the build gives it Xvfb's, see app/src/build/aot-train.sh)
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path scratch = Files.createTempDirectory("usher-training");
    System.setProperty("usher.logDir", scratch.resolve("logs").toString());
    try {
      String data = scratch.resolve("data").toString();
      List<List<String>> commands =
          List.of(
              List.of("--version"),
              List.of(
                  "plan",
                  "add",
                  "--name",
                  "Monthly",
                  "--price",
                  "12.50",
                  "--currency",
                  "USD",
                  "--months",
                  "1",
                  "--groups",
                  "Standard",
                  "--streams",
                  "2"),
              List.of("user", "add", "--email", "ann@example.com", "--name", "Ann"),
              List.of("payment", "add", "--email", "ann@example.com", "--plan", "Monthly"),
              List.of("plan", "list"),
              List.of("users"),
              List.of("--json", "users"),
              List.of("payments"),
              List.of("settings", "list"),
              List.of("jobs", "list"),
              List.of("help"));
      for (List<String> command : commands) {
        String[] full =
            Stream.concat(Stream.of("--data-dir", data), command.stream()).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
            new Cli(
                    option -> new AppContext(Path.of(option), Clock.systemUTC()),
                    option -> {
                      throw new IllegalStateException("training opens no window");
                    })
                .execute(new PrintWriter(out), new PrintWriter(err), full);
        if (code != 0) {
          throw new IllegalStateException(
              "usher " + String.join(" ", command) + " failed in training: " + err);
        }
      }
      if (List.of(args).contains("--window")) {
        // JavaFX's classes (the toolkit, the controls, CSS) are most of what the window waits
        // for; the training keeps them too.
        Desktop.start(Path.of(data));
        Thread.sleep(WINDOW_TIME);
      }
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        files.sorted(Comparator.reverseOrder()).forEach(Training::delete);
      }
    }
    // The window's toolkit threads would keep the JVM (and so the build) waiting.
    System.exit(0);
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
