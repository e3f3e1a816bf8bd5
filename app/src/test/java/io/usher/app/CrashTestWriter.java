package io.usher.app;

import io.usher.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-shot CLI writer for {@link CrashDurabilityTest} and {@link ConcurrentCommandsTest}, in its
 * own process: runs {@code usher payment add} through the real command line again and again (one
 * JVM for many commands, so the tests can afford many rounds), and prints {@code ACK txn} only
 * after the command returned 0 — the moment a script would see the exit code.
 *
 * <p>It works in rounds: it waits for the file {@code go-R} in the control folder (the server is
 * up), writes until {@code stop-R} appears (the server was killed) or a command fails, as a script
 * under {@code set -e} would, prints {@code DONE R} and waits for the next round. So it never opens
 * the database on its own between rounds.
 *
 * <p>Arguments: data dir, user email, transaction-id prefix, commands per round at most, control
 * folder, rounds.
 */
public final class CrashTestWriter {
  private CrashTestWriter() {}

  public static void main(String[] args) throws InterruptedException {
    String dataDir = args[0];
    String email = args[1];
    String prefix = args[2];
    int most = Integer.parseInt(args[3]);
    Path control = Path.of(args[4]);
    int rounds = Integer.parseInt(args[5]);
    Cli cli = new Cli(Launcher::open, option -> {});
    for (int round = 0; round < rounds; round++) {
      Path go = control.resolve("go-" + round);
      Path stop = control.resolve("stop-" + round);
      while (!Files.exists(go) && !Files.exists(stop)) {
        Thread.sleep(5);
      }
      for (int i = 0; i < most && !Files.exists(stop); i++) {
        String txn = prefix + "-" + round + "-" + i;
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
          break;
        }
        System.out.println("ACK " + txn);
        System.out.flush();
      }
      while (!Files.exists(stop)) {
        Thread.sleep(5);
      }
      System.out.println("DONE " + round);
      System.out.flush();
    }
    System.exit(0);
  }
}
