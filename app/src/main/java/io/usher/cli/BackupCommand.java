package io.usher.cli;

import io.usher.domain.backups.BackupFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "backup",
    description = {
      "Back up the whole ledger (settings and secrets included, still sealed) while Usher may be"
          + " running.",
      "Default file: backups/usher-YYYYMMDD-HHMMSS.zip in the data folder."
    },
    subcommands = {BackupCommand.ListBackups.class})
final class BackupCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Where to write it.")
  String file;

  @Override
  public void run() {
    BackupFile made = root.usher().backups().create(file);
    root.output()
        .done(
            "Backed up the ledger to " + made.file() + " (" + made.bytes() + " bytes).",
            Map.of("file", made.file()));
  }

  @Command(name = "list", description = "The backups in the data folder, newest first.")
  static final class ListBackups implements Runnable {
    @ParentCommand BackupCommand parent;

    @Override
    public void run() {
      List<Map<String, Object>> rows =
          parent.root.usher().backups().list().stream().map(ListBackups::view).toList();
      parent
          .root
          .output()
          .list(
              List.of("FILE", "CREATED", "SCHEMA", "BYTES"),
              List.of("file", "created", "schema", "bytes"),
              rows);
    }

    private static Map<String, Object> view(BackupFile b) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", b.file());
      m.put("created", Views.iso(b.created()));
      m.put("schema", b.schema());
      m.put("bytes", b.bytes());
      return m;
    }
  }
}
