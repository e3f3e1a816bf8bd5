package io.usher.cli;

import io.usher.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs {@code usher --data-dir DIR …} in-process on a real ledger, as the CLI tests do, keeping
 * what the last command printed on stdout and stderr.
 */
final class CliRun {
  private final Path dataDir;
  private final Clock clock;
  String out;
  String err;

  CliRun(Path dataDir, Clock clock) {
    this.dataDir = dataDir;
    this.clock = clock;
  }

  /** The exit code; {@link #out} and {@link #err} hold what it printed. */
  int usher(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = dataDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code =
        new Cli(option -> new AppContext(Path.of(option), clock), option -> {})
            .execute(new PrintWriter(o), new PrintWriter(e), all);
    out = o.toString();
    err = e.toString();
    return code;
  }
}
