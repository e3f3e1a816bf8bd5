package io.usher.application.outbox;

import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.jobs.JobRunStore;
import io.usher.domain.outbox.OutboxHandler;
import io.usher.domain.outbox.OutboxItem;
import io.usher.domain.outbox.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does the work recorded in the outbox: each due item goes to the handler of its kind; success
 * marks it done, a failure schedules the next try with a growing wait (30 s, 1, 2, 4 … minutes, at
 * most an hour) and keeps the reason for the owner. Nothing is ever dropped.
 */
public final class OutboxService {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxService.class);
  static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  static final Duration MAX_RETRY = Duration.ofHours(1);
  private static final int BATCH = 50;

  private final Transactions tx;
  private final OutboxStore store;
  private final Clock clock;

  /** One drain at a time across processes (the window's worker, a CLI `jobs run outbox`). */
  private final JobRunStore leases;

  private final String holder = "outbox-" + java.util.UUID.randomUUID();
  static final String LEASE = "outbox-items";
  static final Duration LEASE_LENGTH = Duration.ofMinutes(10);
  private final Map<String, OutboxHandler> handlers = new ConcurrentHashMap<>();
  private volatile Runnable wake = () -> {};

  public OutboxService(Transactions tx, OutboxStore store, JobRunStore leases, Clock clock) {
    this.leases = leases;
    this.tx = tx;
    this.store = store;
    this.clock = clock;
  }

  public void register(OutboxHandler handler) {
    handlers.put(handler.kind(), handler);
  }

  /** The worker's way to hear of new work at once instead of at its next wake-up. */
  public void onEnqueue(Runnable wakeUp) {
    this.wake = wakeUp;
  }

  /**
   * Records work due now; call inside the transaction whose change needs it. The worker is woken
   * once that transaction has committed: woken before, it would look, find nothing yet, and sleep
   * until its next round.
   */
  public long enqueue(String kind, String payload) {
    long id = store.enqueue(kind, payload, clock.instant());
    tx.afterCommit(wake);
    return id;
  }

  /**
   * The store, as seen by services that record outbox work themselves (mail): recording through it
   * wakes the worker too.
   */
  public OutboxStore waking(OutboxStore store) {
    OutboxService self = this;
    return new OutboxStore() {
      @Override
      public long enqueue(String kind, String payload, Instant due) {
        long id = store.enqueue(kind, payload, due);
        self.tx.afterCommit(self.wake);
        return id;
      }

      @Override
      public List<OutboxItem> due(Instant now, int limit) {
        return store.due(now, limit);
      }

      @Override
      public Optional<Instant> nextDue() {
        return store.nextDue();
      }

      @Override
      public void done(long id, Instant at) {
        store.done(id, at);
      }

      @Override
      public void failed(long id, int attempts, Instant nextAttempt, String error) {
        store.failed(id, attempts, nextAttempt, error);
      }

      @Override
      public List<OutboxItem> pending() {
        return store.pending();
      }
    };
  }

  /** Runs every item due now; returns how many succeeded. */
  public int runDue() {
    Instant now = clock.instant();
    if (!leases.lock(LEASE, holder, now, now.plus(LEASE_LENGTH))) {
      return 0;
    }
    try {
      int done = 0;
      for (OutboxItem item : store.due(clock.instant(), BATCH)) {
        if (attempt(item)) {
          done++;
        }
      }
      return done;
    } finally {
      leases.unlock(LEASE, holder);
    }
  }

  private boolean attempt(OutboxItem item) {
    OutboxHandler handler = handlers.get(item.kind());
    try {
      if (handler == null) {
        throw new UsherException("Usher has no handler for " + item.kind() + " work.");
      }
      tx.run(
          () -> {
            handler.handle(item.payload());
            store.done(item.id(), clock.instant());
          });
      return true;
    } catch (RuntimeException e) {
      int attempts = item.attempts() + 1;
      String reason =
          e instanceof UsherException
              ? e.getMessage()
              : "unexpected error (" + e.getClass().getSimpleName() + "); see the log";
      if (!(e instanceof UsherException)) {
        LOG.error("Outbox item {} ({}) failed", item.id(), item.kind(), e);
      } else {
        LOG.info(
            "Outbox item {} ({}) failed, attempt {}: {}", item.id(), item.kind(), attempts, reason);
      }
      tx.run(
          () -> store.failed(item.id(), attempts, clock.instant().plus(backoff(attempts)), reason));
      return false;
    }
  }

  static Duration backoff(int attempts) {
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
    return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
  }

  public Optional<Instant> nextDue() {
    return store.nextDue();
  }

  public List<OutboxItem> pending() {
    return store.pending();
  }
}
