package io.usher.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What a window or {@code usher serve} runs on one opening of the ledger: the instance lock, the
 * context, the outbox worker, the timers and the checkout page, started and stopped in one place
 * and in one order for both. Stopping lets jobs finish or stop at a safe point (within 20 s) before
 * the database closes, and lets go of the lock last.
 */
final class Running implements AutoCloseable {
  final InstanceLock lock;
  final AppContext context;
  final OutboxWorker outbox;
  final Scheduler scheduler;
  final Optional<CheckoutServer> checkout;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Running(InstanceLock lock, AppContext context, Clock clock, Consumer<String> problem) {
    this.lock = lock;
    this.context = context;
    outbox = new OutboxWorker(context.outbox(), clock);
    outbox.start();
    scheduler = new Scheduler(context.jobs());
    scheduler.start();
    checkout = CheckoutServer.startFor(context, clock, problem);
  }

  /**
   * Opens the ledger under a lock already held and starts everything on it; the lock is let go if
   * the ledger does not open.
   *
   * @param problem told, in a sentence, when the checkout page cannot start
   */
  static Running start(InstanceLock lock, Path dataDir, Clock clock, Consumer<String> problem) {
    AppContext context;
    try {
      context = new AppContext(dataDir, clock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }

    return new Running(lock, context, clock, problem);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    checkout.ifPresent(CheckoutServer::close);
    scheduler.close();
    outbox.close();
    context.close();
    lock.close();
  }
}
