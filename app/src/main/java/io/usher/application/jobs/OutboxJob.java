package io.usher.application.jobs;

import io.usher.application.outbox.OutboxService;
import io.usher.domain.outbox.OutboxItem;
import java.time.Duration;
import java.util.List;

/**
 * Hourly safety net for the outbox: the worker drains it continuously; this pass also reports what
 * still waits and why.
 */
public final class OutboxJob implements Job {
  private final OutboxService outbox;

  public OutboxJob(OutboxService outbox) {
    this.outbox = outbox;
  }

  @Override
  public String name() {
    return "outbox";
  }

  @Override
  public String description() {
    return "Retry queued invites and mails that are due";
  }

  @Override
  public Duration every() {
    return Duration.ofHours(1);
  }

  @Override
  public JobResult run(boolean dryRun) {
    int done = dryRun ? 0 : outbox.runDue();
    List<OutboxItem> waiting = outbox.pending();
    List<String> details =
        waiting.stream()
            .map(
                i ->
                    i.kind()
                        + " #"
                        + i.id()
                        + ": "
                        + (i.lastError() == null ? "waiting" : i.lastError())
                        + " (attempt "
                        + i.attempts()
                        + ")")
            .toList();
    return new JobResult((dryRun ? "" : done + " done; ") + waiting.size() + " waiting.", details);
  }
}
