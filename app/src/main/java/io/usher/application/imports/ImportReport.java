package io.usher.application.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * What a bulk invite did, for the window, the CLI and the owner's email.
 *
 * @param invited one line per row shared now ("alice@example.com on Tower")
 * @param queued one line per row recorded whose share waits in the outbox, with the reason
 * @param failed one sentence per row that failed, with its line: those rows recorded nothing
 * @param cancelled true when the owner stopped it: rows done stay done, the rest never started
 */
public record ImportReport(
    String file,
    int total,
    List<String> invited,
    List<String> queued,
    List<String> failed,
    boolean cancelled) {

  public ImportReport {
    invited = List.copyOf(invited);
    queued = List.copyOf(queued);
    failed = List.copyOf(failed);
  }

  public int done() {
    return invited.size() + queued.size() + failed.size();
  }

  /** "3 invited, 1 queued, 1 failed." or "Cancelled after 2 of 5 rows: 2 invited." */
  public String summary() {
    List<String> parts = new ArrayList<>();
    parts.add(invited.size() + " invited");
    if (!queued.isEmpty()) {
      parts.add(queued.size() + " queued");
    }
    if (!failed.isEmpty()) {
      parts.add(failed.size() + " failed");
    }
    String counts = String.join(", ", parts) + ".";
    return cancelled
        ? "Cancelled after "
            + done()
            + " of "
            + total
            + (total == 1 ? " row: " : " rows: ")
            + counts
        : counts;
  }

  /** The summary and every queued and failed row: the body of the owner's email. */
  public String details() {
    StringBuilder text = new StringBuilder("Bulk invite from " + file + ": " + summary() + "\n");
    if (!failed.isEmpty()) {
      text.append("\nFailed (nothing recorded for these):\n");
      failed.forEach(f -> text.append("  ").append(f).append('\n'));
    }
    if (!queued.isEmpty()) {
      text.append("\nQueued (paid; the invite is retried from the outbox):\n");
      queued.forEach(q -> text.append("  ").append(q).append('\n'));
    }
    if (!invited.isEmpty()) {
      text.append("\nInvited:\n");
      invited.forEach(i -> text.append("  ").append(i).append('\n'));
    }
    if (cancelled) {
      text.append("\n").append(total - done()).append(" rows were not started.\n");
    }
    return text.toString();
  }
}
