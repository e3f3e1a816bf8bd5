package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.outbox.OutboxHandler;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker drains the outbox as soon as work is recorded, not on a timer. */
class OutboxWorkerTest {
  @TempDir Path dataDir;

  /** Registers a "test" kind whose handling counts the returned latch down. */
  static CountDownLatch handledOnce(AppContext usher) {
    CountDownLatch handled = new CountDownLatch(1);
    usher
        .outbox()
        .register(
            new OutboxHandler() {
              @Override
              public String kind() {
                return "test";
              }

              @Override
              public void handle(String payload) {
                handled.countDown();
              }
            });
    return handled;
  }

  @Test
  void workRecordedWhileTheWorkerSleepsIsDoneAtOnce() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    try (AppContext usher = new AppContext(dataDir, clock, s -> new FakeMediaServers())) {
      CountDownLatch handled = handledOnce(usher);
      try (OutboxWorker worker = new OutboxWorker(usher.outbox(), Clock.systemUTC())) {
        worker.start();
        Thread.sleep(200);
        usher.outbox().enqueue("test", "x=1");
        assertThat(handled.await(5, TimeUnit.SECONDS)).as("handled within seconds").isTrue();
      }
      assertThat(usher.outbox().pending()).isEmpty();
    }
  }

  @Test
  void workRecordedInATransactionIsDoneOnceItCommitsNotAtTheNextRound() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    try (AppContext usher = new AppContext(dataDir, clock, s -> new FakeMediaServers())) {
      CountDownLatch handled = handledOnce(usher);
      try (OutboxWorker worker = new OutboxWorker(usher.outbox(), Clock.systemUTC())) {
        worker.start();
        Thread.sleep(200);
        // Woken before the commit, the worker would find nothing and sleep a minute.
        usher
            .transactions()
            .run(
                () -> {
                  usher.outbox().enqueue("test", "x=1");
                  try {
                    Thread.sleep(1500);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
        assertThat(handled.await(5, TimeUnit.SECONDS)).as("handled within seconds").isTrue();
      }
    }
  }

  @Test
  void whatWaitsForACommitRunsOnceAfterTheOutermostOneAndNeverAfterARollback() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    try (AppContext usher = new AppContext(dataDir, clock, s -> new FakeMediaServers())) {
      var tx = usher.transactions();
      java.util.List<String> ran = new java.util.ArrayList<>();
      tx.run(
          () -> {
            tx.run(() -> tx.afterCommit(() -> ran.add("inner")));
            assertThat(ran).as("not before the outer commit").isEmpty();
            tx.afterCommit(() -> ran.add("outer"));
          });
      assertThat(ran).containsExactly("inner", "outer");

      ran.clear();
      try {
        tx.run(
            () -> {
              tx.afterCommit(() -> ran.add("rolled back"));
              throw new IllegalStateException("no");
            });
      } catch (IllegalStateException expected) {
        // the transaction rolled back
      }
      tx.afterCommit(() -> ran.add("outside"));
      assertThat(ran).containsExactly("outside");
    }
  }
}
