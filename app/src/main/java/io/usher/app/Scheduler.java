package io.usher.app;

import io.usher.application.jobs.Job;
import io.usher.application.jobs.JobService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every job on its own cadence while the window or {@code usher serve} runs. Each run goes
 * through {@link JobService#runScheduled}, which records failures and never throws, so one failing
 * job never stops the timer of another.
 *
 * <p>The jobs a waiting customer depends on ({@link #AT_ONCE}: reading the payments) run at start
 * and on a thread of their own, so a customer who pays in Usher's first minutes, or while a long
 * sync runs, has access within one poll; the others share one thread and start staggered.
 */
final class Scheduler implements AutoCloseable {
  /** A short pause after start so the window (or serve) is up before the first runs. */
  private static final Duration FIRST_DELAY = Duration.ofSeconds(30);

  static final Set<String> AT_ONCE = Set.of("payments");

  private final JobService jobs;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("usher-jobs").daemon().factory());
  private final ScheduledExecutorService customers =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("usher-payments").daemon().factory());

  Scheduler(JobService jobs) {
    this.jobs = jobs;
  }

  void start() {
    int i = 0;
    for (Job job : jobs.jobs()) {
      Runnable run = () -> jobs.runScheduled(job.name());
      long every = job.every().toSeconds();
      if (AT_ONCE.contains(job.name())) {
        customers.scheduleWithFixedDelay(run, 0, every, TimeUnit.SECONDS);
      } else {
        // Staggered, so the first minute is not every job at once.
        timer.scheduleWithFixedDelay(
            run, FIRST_DELAY.toSeconds() + 10L * i++, every, TimeUnit.SECONDS);
      }
    }
  }

  /** Stops timing; a run in progress gets up to {@code grace} to finish at its own pace. */
  void stop(Duration grace) {
    timer.shutdown();
    customers.shutdown();
    long until = System.nanoTime() + grace.toNanos();
    try {
      for (ScheduledExecutorService each : List.of(timer, customers)) {
        if (!each.awaitTermination(until - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          each.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      timer.shutdownNow();
      customers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(20));
  }
}
