package io.usher.cli;

import io.usher.application.jobs.JobResult;
import io.usher.application.jobs.JobStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "jobs",
    description = "Run one of Usher's timed jobs now, or list them.",
    subcommands = {JobsCommand.Run.class, JobsCommand.ListJobs.class})
final class JobsCommand {
  @ParentCommand RootCommand root;

  @Command(name = "run", description = "Run a job now and print what it did.")
  static final class Run implements Runnable {
    @ParentCommand JobsCommand parent;

    @Parameters(index = "0", paramLabel = "NAME", description = "sync, expire, remind, enforce, …")
    String name;

    @Option(names = "--dry-run", description = "Say what the job would do; change nothing.")
    boolean dryRun;

    @Override
    public void run() {
      JobResult result = parent.root.usher().jobs().run(name, dryRun);
      Output out = parent.root.output();
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("job", name);
      fields.put("dryRun", dryRun);
      fields.put("summary", result.summary());
      fields.put("details", result.details());
      if (out.json()) {
        out.done(result.summary(), fields);
        return;
      }
      out.line((dryRun ? "Dry run: " : "") + result.summary());
      result.details().forEach(d -> out.line("  " + d));
    }
  }

  @Command(name = "list", description = "List jobs with their last and next run.")
  static final class ListJobs implements Runnable {
    @ParentCommand JobsCommand parent;

    @Override
    public void run() {
      List<Map<String, Object>> rows =
          parent.root.usher().jobs().list().stream().map(JobsCommand::view).toList();
      parent
          .root
          .output()
          .list(
              List.of("JOB", "EVERY", "LAST RUN", "OUTCOME", "NEXT RUN", "LAST MESSAGE"),
              List.of("name", "every", "lastRun", "outcome", "nextRun", "message"),
              rows);
    }
  }

  static Map<String, Object> view(JobStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("every", s.cadence());
    m.put("lastRun", s.last() == null ? null : Views.iso(s.last().startedAt()));
    m.put("outcome", s.last() == null ? null : s.last().outcome());
    m.put("nextRun", Views.iso(s.nextRun()));
    m.put("message", s.last() == null ? null : s.last().message());
    return m;
  }
}
