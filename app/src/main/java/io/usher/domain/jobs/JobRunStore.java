package io.usher.domain.jobs;

import java.time.Instant;
import java.util.Map;

public interface JobRunStore {
  long started(String job, Instant at);

  void finished(long runId, Instant at, String outcome, String message);

  /** The latest run of each job that ever ran. */
  Map<String, JobRun> latest();

  /**
   * Takes the job's lease until {@code until} when nobody holds it (or the holder's lease ran out);
   * false when another run holds it.
   */
  boolean lock(String job, String holder, Instant now, Instant until);

  void unlock(String job, String holder);
}
