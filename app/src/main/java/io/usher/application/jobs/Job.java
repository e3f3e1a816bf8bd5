package io.usher.application.jobs;

import java.time.Duration;

/**
 * One of Usher's timed use cases (expire, remind, enforce, sync, …). The scheduler runs it every
 * {@link #every()}; the owner can run it by hand ({@code usher jobs run NAME}, "Run now"). A job
 * must be safe to run at any time and never does its work twice for the same state.
 */
public interface Job {
  /** The name on the command line and in the Jobs panel: lower case, one word. */
  String name();

  /** One line for the Jobs panel: what the job does. */
  String description();

  Duration every();

  /**
   * Does the work (or, with {@code dryRun}, only says what it would do) and reports it. Throwing
   * marks the run failed with the exception's message; the other jobs keep running.
   */
  JobResult run(boolean dryRun);

  /**
   * A run the timer started, rather than the owner: a job whose parts keep slower clocks of their
   * own (PayPal is read hourly inside the payments job) skips the parts that are not due.
   */
  default JobResult runOnTimer() {
    return run(false);
  }
}
