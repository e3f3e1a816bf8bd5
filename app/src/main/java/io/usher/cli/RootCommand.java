package io.usher.cli;

import io.usher.application.Usher;
import io.usher.application.UsherOpener;
import io.usher.application.Version;
import java.io.PrintWriter;
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
    },
    subcommands = {
      PlanCommand.class,
      DiscountCommand.class,
      UserCommand.class,
      UsersCommand.class,
      PaymentCommand.class,
      PaymentsCommand.class,
      UnmatchedCommand.class,
      ReferralsCommand.class,
      ExportCommand.class,
      SettingsCommand.class,
      TemplateCommand.class,
      TestCommand.class,
      ServerCommand.class,
      LibraryCommand.class,
      GroupCommand.class,
      LocationCommand.class,
      SyncCommand.class,
      InviteCommand.class,
      LinkCommand.class,
      UnlinkCommand.class,
      ImportCommand.class,
      JobsCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      ServeCommand.class,
      HelpCommand.class
    })
final class RootCommand implements Runnable {
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

  @Override
  public void run() {
    openWindow.accept(dataDir);
    windowOpened = true;
  }

  /** The data directory, opened on first use so that --help and --version stay instant. */
  Usher usher() {
    if (usher == null) {
      usher = opener.open(dataDir);
    }
    return usher;
  }

  Output output() {
    return new Output(out, json);
  }

  /** Runs headless until stopped (usher serve). */
  void serve() {
    serve.accept(dataDir);
  }

  /** Restores a backup; the ledger must not be open in this process, so Usher is closed first. */
  String restore(String file) {
    closeUsher();
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
