package io.usher.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code usher serve}: the scheduler and the outbox worker without a window, until SIGTERM or
 * Ctrl-C; then jobs finish or stop at a safe point and the database is closed, within 30 s.
 */
final class Headless {
  private static final Logger LOG = LoggerFactory.getLogger(Headless.class);

  private Headless() {}

  static void serve(Path dataDir) {
    InstanceLock lock = InstanceLock.acquire(dataDir);
    Clock clock = Clock.systemUTC();
    AppContext context;
    try {
      context = new AppContext(dataDir, clock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    OutboxWorker outbox = new OutboxWorker(context.outbox(), clock);
    Scheduler scheduler = new Scheduler(context.jobs());
    var checkout = CheckoutServer.startFor(context, clock, System.err::println);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown =
        new Thread(
            () -> {
              LOG.info("Stopping");
              checkout.ifPresent(CheckoutServer::close);
              scheduler.stop(Duration.ofSeconds(20));
              outbox.close();
              context.close();
              lock.close();
              stopped.countDown();
            },
            "usher-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    outbox.start();
    scheduler.start();
    LOG.info("Serving {}", dataDir);
    System.err.println(
        "Usher is running headless on "
            + dataDir
            + " (logs in "
            + dataDir.resolve("logs")
            + "). Stop it with Ctrl-C.");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
