package io.usher.application.backups;

import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobResult;
import io.usher.domain.backups.BackupFile;
import io.usher.domain.backups.Backups;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Daily: the ledger file compacted when it is mostly dead space, then a dated backup of it, keeping
 * the newest {@code backup.keep}.
 */
public final class BackupJob implements Job {
  private final Backups backups;
  private final IntSupplier keep;

  /**
   * @param keep how many dated backups to keep (the backup.keep setting, read at each run)
   */
  public BackupJob(Backups backups, IntSupplier keep) {
    this.backups = backups;
    this.keep = keep;
  }

  @Override
  public String name() {
    return "backup";
  }

  @Override
  public String description() {
    return "Back up the ledger and keep the newest backups";
  }

  @Override
  public Duration every() {
    return Duration.ofDays(1);
  }

  @Override
  public JobResult run(boolean dryRun) {
    int newest = keep.getAsInt();
    if (backups.elsewhere()) {
      return JobResult.of(
          "Nothing to do: the ledger is on PostgreSQL, backed up with its own tools.");
    }
    if (dryRun) {
      return JobResult.of("Would back up the ledger and keep the newest " + newest + " backups.");
    }
    boolean compacted = backups.compact();
    BackupFile made = backups.create(null);
    int removed = backups.prune(newest);
    return JobResult.of(
        (compacted ? "Compacted the ledger file. " : "")
            + "Backed up to "
            + made.file()
            + " ("
            + made.bytes()
            + " bytes)"
            + (removed > 0 ? "; removed " + removed + " older." : "."));
  }
}
