package io.usher.domain.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * One recorded run of a job.
 *
 * @param outcome "running", "ok" or "failed"
 * @param message the run's summary, or the failure's sentence
 */
public record JobRun(
    long id, String job, Instant startedAt, Instant finishedAt, String outcome, String message) {

  public Duration duration() {
    return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
  }
}
