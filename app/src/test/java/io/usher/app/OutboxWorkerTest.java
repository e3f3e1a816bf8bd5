package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.application.outbox.OutboxService;
import io.usher.domain.outbox.OutboxHandler;
import io.usher.store.JooqJobRunStore;
import io.usher.store.JooqOutboxStore;
import io.usher.store.JooqTransactions;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker drains the outbox as soon as work is recorded, not on a timer. The outbox and the
 * transactions are wired here as AppContext wires them, on a real ledger.
 */
class OutboxWorkerTest {
  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

  /** The outbox on the ledger's transactions, as every service records its work. */
  record Ledger(Database db, JooqTransactions tx, OutboxService outbox) implements AutoCloseable {
    @Override
    public void close() {
      db.close();
    }
  }

  Ledger open() {
    Database db = Database.open(dataDir);
    JooqTransactions tx = new JooqTransactions(db.dsl());
    return new Ledger(
        db,
        tx,
        new OutboxService(
            tx, new JooqOutboxStore(db.dsl(), clock), new JooqJobRunStore(db.dsl()), clock));
  }

  /** Registers a "test" kind whose handling counts the returned latch down. */
  static CountDownLatch handledOnce(OutboxService outbox) {
    CountDownLatch handled = new CountDownLatch(1);
    outbox.register(OutboxHandler.of("test", payload -> handled.countDown()));
    return handled;
  }

  @Test
  void workRecordedWhileTheWorkerSleepsIsDoneAtOnce() throws Exception {
    try (Ledger ledger = open()) {
      CountDownLatch handled = handledOnce(ledger.outbox());
      try (OutboxWorker worker = new OutboxWorker(ledger.outbox(), Clock.systemUTC())) {
        worker.start();
        Thread.sleep(200);
        ledger.outbox().enqueue("test", "x=1");
        assertThat(handled.await(5, TimeUnit.SECONDS)).as("handled within seconds").isTrue();
      }
      assertThat(ledger.outbox().pending()).isEmpty();
    }
  }

  @Test
  void workRecordedInATransactionIsDoneOnceItCommitsNotAtTheNextRound() throws Exception {
    try (Ledger ledger = open()) {
      CountDownLatch handled = handledOnce(ledger.outbox());
      try (OutboxWorker worker = new OutboxWorker(ledger.outbox(), Clock.systemUTC())) {
        worker.start();
        Thread.sleep(200);
        // Woken before the commit, the worker would find nothing and sleep a minute.
        ledger
            .tx()
            .run(
                () -> {
                  ledger.outbox().enqueue("test", "x=1");
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
    try (Ledger ledger = open()) {
      var tx = ledger.tx();
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
