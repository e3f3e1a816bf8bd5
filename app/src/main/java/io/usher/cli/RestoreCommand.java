package io.usher.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "restore",
    description = {
      "Replace the ledger with a backup, after backing up the current one.",
      "Only while no window or usher serve runs on this data folder; a backup from an older Usher"
          + " is brought up to date, one from a newer Usher is refused."
    })
final class RestoreCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Parameters(index = "0", paramLabel = "FILE", description = "A zip made by usher backup.")
  String file;

  @Override
  public void run() {
    String sentence = root.restore(file);
    root.output().done(sentence, Map.of("file", file));
  }
}
