package io.usher.application.jobs;

import io.usher.application.sync.SyncProgress;
import io.usher.application.sync.SyncReport;
import io.usher.application.sync.SyncService;
import java.time.Duration;

/** Hourly: what the servers say about who shares them (seed 002). */
public final class SyncJob implements Job {
  private final SyncService sync;

  public SyncJob(SyncService sync) {
    this.sync = sync;
  }

  @Override
  public String name() {
    return "sync";
  }

  @Override
  public String description() {
    return "Import and update users and shares from every enabled server";
  }

  @Override
  public Duration every() {
    return Duration.ofHours(1);
  }

  @Override
  public JobResult run(boolean dryRun) {
    if (dryRun) {
      return JobResult.of("Sync only reads the servers and records what they say: run it to see.");
    }
    SyncReport report = sync.run(null, SyncProgress.NONE);
    return new JobResult(report.summary(), report.problems());
  }
}
