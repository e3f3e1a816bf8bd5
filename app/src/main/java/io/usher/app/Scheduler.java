package io.usher.app;

import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every job on its own cadence on one scheduled thread while the window or {@code usher serve}
 * runs. Each run goes through {@link JobService#runScheduled}, which records failures and never
 * throws, so one failing job never stops the timer of another.
 */
final class Scheduler implements AutoCloseable {
  /** A short pause after start so the window (or serve) is up before the first runs. */
  private static final Duration FIRST_DELAY = Duration.ofSeconds(30);

  private final JobService jobs;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("usher-jobs").daemon().factory());

  Scheduler(JobService jobs) {
    this.jobs = jobs;
  }

  void start() {
    int i = 0;
    for (Job job : jobs.jobs()) {
      // Staggered, so the first minute is not every job at once.
      long first = FIRST_DELAY.toSeconds() + 10L * i++;
      timer.scheduleWithFixedDelay(
          () -> jobs.runScheduled(job.name()), first, job.every().toSeconds(), TimeUnit.SECONDS);
    }
  }

  /** Stops timing; a run in progress gets up to {@code grace} to finish at its own pace. */
  void stop(Duration grace) {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      timer.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(20));
  }
}
