package io.usher.application.jobs;

import io.usher.domain.jobs.JobRun;
import java.time.Duration;
import java.time.Instant;

/**
 * A job as the Jobs panel and {@code usher jobs list} show it.
 *
 * @param last null when it never ran
 * @param nextRun when the scheduler runs it next: its last start plus its cadence (now, if that
 *     lies in the past or it never ran)
 */
public record JobStatus(
    String name, String description, Duration every, JobRun last, Instant nextRun) {

  /** "hourly", "daily", "every 5 min", "every 15 s": how people say a cadence. */
  public String cadence() {
    if (every.toDays() >= 1 && every.toHoursPart() == 0) {
      return every.toDays() == 1 ? "daily" : "every " + every.toDays() + " days";
    }
    if (every.toHours() >= 1 && every.toMinutesPart() == 0) {
      return every.toHours() == 1 ? "hourly" : "every " + every.toHours() + " hours";
    }
    if (every.toMinutes() < 1) {
      return "every " + Math.max(1, every.toSeconds()) + " s";
    }
    return "every " + every.toMinutes() + " min";
  }
}
