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
    String name, String description, Duration every, JobRun last, Instant nextRun) {}
