package io.usher.app;

import io.usher.application.outbox.OutboxService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox continuously while the window or {@code usher serve} runs: it wakes when new
 * work is recorded, when the next retry is due, and at least once a minute (work recorded by a
 * one-shot CLI command in another process is found that way).
 */
final class OutboxWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
  private static final Duration MAX_SLEEP = Duration.ofMinutes(1);
  private static final Duration MIN_SLEEP = Duration.ofSeconds(1);

  private final OutboxService outbox;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final Thread thread;
  private volatile boolean running = true;
  private boolean signalled;

  OutboxWorker(OutboxService outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
    this.thread = new Thread(this::loop, "usher-outbox");
    thread.setDaemon(true);
    outbox.onEnqueue(this::wake);
  }

  void start() {
    thread.start();
  }

  private void wake() {
    lock.lock();
    try {
      signalled = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    while (running) {
      try {
        outbox.runDue();
      } catch (RuntimeException e) {
        LOG.error("The outbox worker hit an error; it keeps going", e);
      }
      sleepUntilWork();
    }
  }

  private void sleepUntilWork() {
    Instant now = clock.instant();
    Duration wait =
        outbox
            .nextDue()
            .map(due -> Duration.between(now, due))
            .filter(d -> d.compareTo(MAX_SLEEP) < 0)
            .orElse(MAX_SLEEP);
    // Work still due right after a pass means another process holds the outbox (or a batch was
    // full): look again shortly rather than spin.
    if (wait.compareTo(MIN_SLEEP) < 0) {
      wait = MIN_SLEEP;
    }
    lock.lock();
    try {
      if (!signalled && running) {
        work.await(wait.toMillis(), TimeUnit.MILLISECONDS);
      }
      signalled = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    running = false;
    wake();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
