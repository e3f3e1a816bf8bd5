package io.usher.cli;

import io.usher.application.exports.ExportService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "export",
    description = {
      "Write the users or the payments to a CSV file (UTF-8, a header row, money as decimals).",
      "Cells a spreadsheet would run as formulas are kept as text."
    })
final class ExportCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Parameters(index = "0", paramLabel = "users|payments", description = "What to export.")
  String what;

  @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file to write.")
  Path file;

  @Override
  public void run() {
    ExportService.Exported made = root.usher().exports().export(ExportService.What.of(what), file);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("file", made.file().toString());
    fields.put("rows", made.rows());
    root.output().done(made.sentence(), fields);
  }
}
