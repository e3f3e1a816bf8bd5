package io.usher.cli;

import io.usher.application.Usher;
import io.usher.application.UsherOpener;
import io.usher.application.Version;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
    name = "usher",
    mixinStandardHelpOptions = true,
    // Every command and subcommand takes --help (and --version), not only usher itself.
    scope = ScopeType.INHERIT,
    versionProvider = RootCommand.VersionProvider.class,
    description = {
      "Sell access to your Plex, Emby and Jellyfin servers.",
      "Without a command, opens the desktop window."
    })
// No subcommands in the annotation: Cli adds them, all or only the one a command line names.
final class RootCommand implements Runnable {
  /**
   * Every command, in the order help lists them. Building picocli's model of all of them (their
   * annotations, by reflection) was most of a one-shot command's start, so a command line that
   * names one gets only that one; help, mistakes and the bare window get the whole tree.
   */
  static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    commands.put("plan", PlanCommand.class);
    commands.put("discount", DiscountCommand.class);
    commands.put("user", UserCommand.class);
    commands.put("users", UsersCommand.class);
    commands.put("payment", PaymentCommand.class);
    commands.put("payments", PaymentsCommand.class);
    commands.put("unmatched", UnmatchedCommand.class);
    commands.put("referrals", ReferralsCommand.class);
    commands.put("sharing", SharingCommand.class);
    commands.put("export", ExportCommand.class);
    commands.put("settings", SettingsCommand.class);
    commands.put("template", TemplateCommand.class);
    commands.put("test", TestCommand.class);
    commands.put("server", ServerCommand.class);
    commands.put("library", LibraryCommand.class);
    commands.put("group", GroupCommand.class);
    commands.put("location", LocationCommand.class);
    commands.put("sync", SyncCommand.class);
    commands.put("invite", InviteCommand.class);
    commands.put("link", LinkCommand.class);
    commands.put("unlink", UnlinkCommand.class);
    commands.put("migrate", MigrateCommand.class);
    commands.put("import", ImportCommand.class);
    commands.put("jobs", JobsCommand.class);
    commands.put("backup", BackupCommand.class);
    commands.put("restore", RestoreCommand.class);
    commands.put("db", DbCommand.class);
    commands.put("serve", ServeCommand.class);
    commands.put("help", HelpCommand.class);
    return Collections.unmodifiableMap(commands);
  }

  private final UsherOpener opener;
  private final Consumer<String> openWindow;
  private final Consumer<String> serve;
  private final Restorer restorer;
  private final PrintWriter out;
  private Usher usher;
  private boolean windowOpened;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where the database and logs live (default: $USHER_HOME, else the OS's data folder).")
  String dataDir;

  @Option(
      names = "--db-url",
      paramLabel = "URL",
      description =
          "Keep the ledger on PostgreSQL, e.g. jdbc:postgresql://host/usher (default:"
              + " $USHER_DB_URL, else the data folder's own file); the user and password come from"
              + " $USHER_DB_USER and $USHER_DB_PASSWORD.")
  String dbUrl;

  @Option(
      names = "--json",
      description = "Machine-readable output on stdout (before or after the command).",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  boolean json;

  RootCommand(
      UsherOpener opener,
      Consumer<String> openWindow,
      Consumer<String> serve,
      Restorer restorer,
      PrintWriter out) {
    this.opener = opener;
    this.openWindow = openWindow;
    this.serve = serve;
    this.restorer = restorer;
    this.out = out;
  }

  /**
   * The ledger's address for the opening that follows in this process; the environment's
   * USHER_DB_URL when the option is not given.
   */
  private void ledger() {
    if (dbUrl != null) {
      System.setProperty(Cli.DB_URL_PROPERTY, dbUrl);
    }
  }

  @Override
  public void run() {
    ledger();
    openWindow.accept(dataDir);
    windowOpened = true;
  }

  /** The data directory, opened on first use so that --help and --version stay instant. */
  Usher usher() {
    if (usher == null) {
      ledger();
      usher = opener.open(dataDir);
    }
    return usher;
  }

  Output output() {
    return new Output(out, json);
  }

  /** Runs headless until stopped (usher serve). */
  void serve() {
    ledger();
    serve.accept(dataDir);
  }

  /** Restores a backup; the ledger must not be open in this process, so Usher is closed first. */
  String restore(String file) {
    closeUsher();
    ledger();
    return restorer.restore(dataDir, file);
  }

  boolean windowOpened() {
    return windowOpened;
  }

  void closeUsher() {
    if (usher != null) {
      usher.close();
      usher = null;
    }
  }

  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"usher " + Version.current()};
    }
  }
}
