package io.usher.cli;

import io.usher.application.sync.SyncProgress;
import io.usher.application.sync.SyncReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "sync",
    description = "Import and update users and shares from the servers (all enabled ones).")
final class SyncCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--server", paramLabel = "N", description = "Only this server.")
  String server;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    SyncReport report = root.usher().sync().run(server, SyncProgress.NONE);
    report.problems().forEach(err::println);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("servers", report.servers());
    fields.put("newUsers", report.newUsers());
    fields.put("updatedUsers", report.updatedUsers());
    fields.put("removedShares", report.removedShares());
    fields.put("newLibraries", report.newLibraries());
    fields.put("problems", report.problems());
    // Partly done is still a failure the owner must look at; what did sync stays synced. The JSON
    // says so as the exit code does.
    boolean ok = report.problems().isEmpty();
    root.output().done(report.summary(), fields, ok);
    return ok ? 0 : 1;
  }
}
