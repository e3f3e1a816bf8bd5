package io.usher.domain.jobs;

import java.time.Instant;
import java.util.Map;

public interface JobRunStore {
  long started(String job, Instant at);

  void finished(long runId, Instant at, String outcome, String message);

  /** The latest run of each job that ever ran. */
  Map<String, JobRun> latest();

  /** The latest run of one job (by its index, for the timers); empty when it never ran. */
  java.util.Optional<JobRun> latest(String job);

  /**
   * Takes the job's lease until {@code until} when nobody holds it (or the holder's lease ran out);
   * false when another run holds it.
   */
  boolean lock(String job, String holder, Instant now, Instant until);

  void unlock(String job, String holder);
}
