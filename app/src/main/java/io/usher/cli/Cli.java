package io.usher.cli;

import io.usher.application.UsherOpener;
import io.usher.domain.common.Inputs;
import io.usher.domain.common.UsherException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The command line: picocli commands that call the application services. Exit codes follow the
 * contract: 0 done, 1 refused or failed (one sentence on stderr), 2 malformed command line.
 */
public final class Cli {
  /** What carries {@code --db-url} to the ledger's opening in this process. */
  public static final String DB_URL_PROPERTY = "usher.db-url";

  /** Returned when no subcommand was given and the window was opened instead. */
  public static final int WINDOW_OPENED = -1;

  private final UsherOpener opener;
  private final Consumer<String> openWindow;
  private final Consumer<String> serve;
  private final Restorer restorer;

  /**
   * @param serve runs headless on the data folder until the process is stopped
   * @param restorer puts a backup in place of a data folder's ledger
   */
  public Cli(
      UsherOpener opener, Consumer<String> openWindow, Consumer<String> serve, Restorer restorer) {
    this.opener = opener;
    this.openWindow = openWindow;
    this.serve = serve;
    this.restorer = restorer;
  }

  /** For tests that never serve. */
  public Cli(UsherOpener opener, Consumer<String> openWindow) {
    this(
        opener,
        openWindow,
        option -> {
          throw new UsherException("usher serve is not available in this build.");
        },
        (option, file) -> {
          throw new UsherException("usher restore is not available in this build.");
        });
  }

  public int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  private static Integer asciiInteger(String text) {
    if (!Inputs.asciiInteger(text)) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is too large a number");
    }
  }

  /**
   * The commands picocli must know for this command line: the one it names, or none for the bare
   * window, or all of them when it asks for help or is not understood (picocli then suggests the
   * commands that exist).
   */
  static Collection<String> commandsFor(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--data-dir") || arg.equals("--db-url")) {
        i++;
      } else if (arg.startsWith("--data-dir=")
          || arg.startsWith("--db-url=")
          || arg.equals("--json")) {
        continue;
      } else if (RootCommand.COMMANDS.containsKey(arg) && !arg.equals("help")) {
        return List.of(arg);
      } else {
        return RootCommand.COMMANDS.keySet();
      }
    }
    return List.of();
  }

  public int execute(PrintWriter out, PrintWriter err, String... args) {
    RootCommand root = new RootCommand(opener, openWindow, serve, restorer, out);
    CommandLine cli = new CommandLine(root);
    // Before the settings below: picocli applies them only to the subcommands already there.
    for (String name : commandsFor(args)) {
      cli.addSubcommand(name, RootCommand.COMMANDS.get(name));
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli's own Integer.valueOf reads other scripts' digits too (١ is 1): numbers are ASCII.
    cli.registerConverter(Integer.class, Cli::asciiInteger);
    cli.registerConverter(Integer.TYPE, Cli::asciiInteger);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println(ex.getMessage());
          if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
              && !unmatched.getSuggestions().isEmpty()) {
            err.println("Did you mean: " + String.join(", ", unmatched.getSuggestions()) + "?");
          }
          err.println(
              "Run '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for how to use it.");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UsherException refusal) {
            err.println(refusal.getMessage());
          } else {
            Logger log = LoggerFactory.getLogger(Cli.class);
            log.error("Command failed: {}", String.join(" ", args), ex);
            err.println(
                "Usher hit an unexpected error ("
                    + ex.getClass().getSimpleName()
                    + "); the details are in the log in the data folder.");
          }
          return 1;
        });
    try {
      int code = cli.execute(args);
      return root.windowOpened() ? WINDOW_OPENED : code;
    } finally {
      root.closeUsher();
      out.flush();
      err.flush();
    }
  }
}
