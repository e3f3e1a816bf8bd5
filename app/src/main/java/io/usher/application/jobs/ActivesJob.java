package io.usher.application.jobs;

import io.usher.application.queries.LedgerQueryService;
import io.usher.domain.ledger.StatusCounts;
import java.time.Duration;

/** Daily: the day's head count, kept in the job history for the owner to look back on. */
public final class ActivesJob implements Job {
  private final LedgerQueryService queries;

  public ActivesJob(LedgerQueryService queries) {
    this.queries = queries;
  }

  @Override
  public String name() {
    return "actives";
  }

  @Override
  public String description() {
    return "Count active, expiring, expired and permanent users";
  }

  @Override
  public Duration every() {
    return Duration.ofDays(1);
  }

  @Override
  public JobResult run(boolean dryRun) {
    StatusCounts c = queries.counts();
    return JobResult.of(
        c.active()
            + " active ("
            + c.permanent()
            + " permanent), "
            + c.expiringSoon()
            + " expiring within 7 days, "
            + c.expired()
            + " expired.");
  }
}
