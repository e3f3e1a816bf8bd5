package io.usher.application.jobs;

import io.usher.domain.common.ConflictException;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.jobs.JobRun;
import io.usher.domain.jobs.JobRunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs by name — for the scheduler, the "Run now" button and {@code usher jobs run} alike —
 * and records each run with its outcome. A job never runs twice at once, even across processes: a
 * run takes the job's lease in the database first. A failing job is recorded and reported; it never
 * stops the others.
 */
public final class JobService {
  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

  /** Longer than any job should take; a crashed run's lease runs out after it. */
  static final Duration LEASE = Duration.ofHours(1);

  private final JobRunStore runs;
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final Clock clock;
  private final String holder = "usher-" + UUID.randomUUID();

  public JobService(JobRunStore runs, List<Job> jobs, Clock clock) {
    this.runs = runs;
    this.clock = clock;
    jobs.forEach(j -> this.jobs.put(j.name(), j));
  }

  public List<Job> jobs() {
    return List.copyOf(jobs.values());
  }

  /** Runs one job now and returns what it did; a failure is recorded, then thrown. */
  public JobResult run(String name, boolean dryRun) {
    Job job = job(name);
    if (dryRun) {
      return job.run(true);
    }
    return execute(job, () -> job.run(false));
  }

  private JobResult execute(Job job, java.util.function.Supplier<JobResult> work) {
    String name = job.name();
    Instant now = clock.instant();
    if (!runs.lock(name, holder, now, now.plus(LEASE))) {
      throw new ConflictException(
          "The " + name + " job is running already; try again when it has finished.");
    }
    long run = runs.started(name, now);
    try {
      JobResult result = work.get();
      runs.finished(run, clock.instant(), "ok", result.summary());
      return result;
    } catch (RuntimeException e) {
      String sentence =
          e instanceof UsherException
              ? e.getMessage()
              : "unexpected error (" + e.getClass().getSimpleName() + "); see the log";
      LOG.error("Job {} failed: {}", name, sentence, e);
      runs.finished(run, clock.instant(), "failed", sentence);
      throw e instanceof UsherException u
          ? u
          : new UsherException("The " + name + " job failed: " + sentence, e);
    } finally {
      runs.unlock(name, holder);
    }
  }

  /**
   * For the scheduler: runs the job, and logs instead of throwing, so the timer keeps going.
   * Several processes on one ledger (PostgreSQL) each time every job: a run is left out when the
   * job started, in any of them, less than nine tenths of its period ago, so it runs about once a
   * period however many run it.
   */
  public void runScheduled(String name) {
    try {
      Job job = job(name);
      Duration soon = job.every().minus(job.every().dividedBy(10));
      java.util.Optional<JobRun> last = runs.latest(job.name());
      if (last.isPresent() && last.get().startedAt().plus(soon).isAfter(clock.instant())) {
        LOG.debug("Skipping {}: it started at {}", name, last.get().startedAt());
        return;
      }
      execute(job, job::runOnTimer);
    } catch (ConflictException busy) {
      LOG.info("Skipping {}: {}", name, busy.getMessage());
    } catch (RuntimeException failed) {
      LOG.debug("Scheduled {} failed; recorded", name, failed);
    }
  }

  public List<JobStatus> list() {
    Map<String, JobRun> latest = runs.latest();
    Instant now = clock.instant();
    return jobs.values().stream()
        .map(
            j -> {
              JobRun last = latest.get(j.name());
              Instant next = last == null ? now : last.startedAt().plus(j.every());
              return new JobStatus(
                  j.name(), j.description(), j.every(), last, next.isBefore(now) ? now : next);
            })
        .toList();
  }

  private Job job(String name) {
    Job job = jobs.get(name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT));
    if (job == null) {
      throw ValidationException.of(
          "job",
          "There is no job named '"
              + name
              + "'. Jobs: "
              + jobs.keySet().stream().collect(Collectors.joining(", "))
              + ".");
    }
    return job;
  }
}
