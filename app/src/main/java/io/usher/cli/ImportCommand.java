package io.usher.cli;

import io.usher.application.imports.CsvImportService;
import io.usher.application.imports.ImportPlan;
import io.usher.application.imports.ImportProgress;
import io.usher.application.imports.ImportReport;
import io.usher.application.imports.ImportRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    description = {
      "Bulk invite from a CSV file: columns Email, Server Name, Plan Name (mandatory), Transaction"
          + " ID, Sequence, Quantity, Amount, Paid At, End Date, PayPal Email, Subscription ID,"
          + " Username.",
      "The whole file is checked first; nothing is imported unless every row passes."
    })
final class ImportCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.csv", description = "The file.")
  Path file;

  @Option(names = "--dry-run", description = "Print what each row would do; invite nobody.")
  boolean dryRun;

  @Option(
      names = "--example",
      paramLabel = "FILE.csv",
      description = "Write an example file with every column, then stop.")
  Path example;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (example != null) {
      root.usher().imports().writeExample(example);
      root.output().done("Wrote " + example + ".", Map.of("file", example.toString()));
      return 0;
    }
    if (file == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing the CSV file: usher import FILE.csv [--dry-run].");
    }
    CsvImportService imports = root.usher().imports();
    ImportPlan plan = imports.validate(file);
    if (!plan.valid()) {
      err.println(plan.problemSummary());
      plan.problemLines().forEach(err::println);
      return 1;
    }
    if (plan.plexRows() > 0) {
      err.println(imports.paceWarning(plan));
    }
    if (dryRun) {
      Output out = root.output();
      if (out.json()) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("dryRun", true);
        fields.put("rows", plan.rows().stream().map(ImportCommand::json).toList());
        out.done(plan.dryRunSummary(), fields);
      } else {
        plan.describe().forEach(out::line);
        out.line(plan.dryRunSummary());
      }
      return 0;
    }
    ImportReport report = imports.run(plan, new Lines(err));
    report.queued().forEach(q -> err.println("queued: " + q));
    report.failed().forEach(err::println);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("rows", report.total());
    fields.put("invited", report.invited().size());
    fields.put("queued", report.queued());
    fields.put("failed", report.failed());
    fields.put("cancelled", report.cancelled());
    root.output().done(report.summary(), fields);
    return report.failed().isEmpty() ? 0 : 1;
  }

  private static Map<String, Object> json(ImportRow row) {
    var r = row.request();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line", row.line());
    m.put("email", r.email());
    m.put("server", r.server());
    m.put("plan", r.plan());
    m.put("quantity", r.quantity());
    m.put("amount", row.amount().toDecimalString());
    m.put("currency", row.amount().currency().getCurrencyCode());
    m.put("start", row.start().toString());
    m.put("end", r.end() == null ? null : r.end().toString());
    m.put("txn", r.txn());
    m.put("seq", r.seq() == null ? 1 : r.seq());
    m.put("username", r.username());
    m.put("paypalEmail", r.paypalEmail());
    m.put("subscriptionId", r.subscriptionId());
    return m;
  }

  /** Progress for a person watching: one stderr line per row. */
  private record Lines(PrintWriter err) implements ImportProgress {
    @Override
    public void row(int done, int total, String current) {
      if (current != null) {
        err.println("[" + (done + 1) + "/" + total + "] " + current);
        err.flush();
      }
    }

    @Override
    public boolean cancelled() {
      return false;
    }
  }
}
