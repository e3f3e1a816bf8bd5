package io.usher.cli;

import io.usher.domain.backups.LedgerCopy;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "db",
    description = "The ledger's database itself.",
    subcommands = {DbCommand.Copy.class})
final class DbCommand {
  @ParentCommand RootCommand root;

  @Command(
      name = "copy",
      description = {
        "Copy the whole ledger into an empty one and compare every row: to PostgreSQL"
            + " (jdbc:postgresql://host/usher, its user and password from $USHER_DB_USER and"
            + " $USHER_DB_PASSWORD), or back into a data folder's own file.",
        "Secrets are copied still sealed: a new folder gets this one's usher.key. Run it while no"
            + " window or serve changes the ledger; then start Usher with --db-url (or without)."
      })
  static final class Copy implements Runnable {
    @ParentCommand DbCommand parent;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "WHERE",
        description = "jdbc:postgresql://host/usher, or a data folder.")
    String to;

    @Override
    public void run() {
      LedgerCopy copy = parent.root.usher().backups().copyTo(to);
      parent
          .root
          .output()
          .done(
              "Copied "
                  + copy.rows()
                  + (copy.rows() == 1 ? " row" : " rows")
                  + " of "
                  + copy.tables()
                  + " tables to "
                  + copy.target()
                  + "; every row compared and the same.",
              Map.of("target", copy.target(), "tables", copy.tables(), "rows", copy.rows()));
    }
  }
}
