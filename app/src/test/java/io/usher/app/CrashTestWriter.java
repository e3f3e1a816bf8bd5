package io.usher.app;

import io.usher.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-shot CLI writer for {@link CrashDurabilityTest}, in its own process: runs {@code usher
 * payment add} through the real command line again and again (one JVM for many commands, so the
 * test can afford many rounds), and prints {@code ACK txn} only after the command returned 0 — the
 * moment a script would see the exit code. It stops at the first command that does not succeed, as
 * a script under {@code set -e} would, so it never becomes the database's host after the server
 * died.
 *
 * <p>Arguments: data dir, user email, transaction-id prefix, how many at most, a file whose
 * appearance means "go" (the server is up: the writer starts beside it to save time, but must not
 * open the database before it) and one that means "stop" (the server was killed).
 */
public final class CrashTestWriter {
  private CrashTestWriter() {}

  public static void main(String[] args) {
    String dataDir = args[0];
    String email = args[1];
    String prefix = args[2];
    int most = Integer.parseInt(args[3]);
    Path go = Path.of(args[4]);
    Path stop = Path.of(args[5]);
    while (!Files.exists(go)) {
      if (Files.exists(stop)) {
        System.exit(0);
      }
      Thread.onSpinWait();
    }
    Cli cli = new Cli(Launcher::open, option -> {});
    for (int i = 0; i < most && !Files.exists(stop); i++) {
      String txn = prefix + "-" + i;
      StringWriter err = new StringWriter();
      int code =
          cli.execute(
              new PrintWriter(new StringWriter()),
              new PrintWriter(err),
              "--data-dir",
              dataDir,
              "payment",
              "add",
              "--email",
              email,
              "--plan",
              "Monthly",
              "--txn",
              txn);
      if (code != 0) {
        System.out.println("FAIL " + txn + " " + err.toString().strip().replace('\n', ' '));
        System.out.flush();
        break;
      }
      System.out.println("ACK " + txn);
      System.out.flush();
    }
    System.exit(0);
  }
}
