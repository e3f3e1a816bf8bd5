package io.usher.app;

import java.nio.file.Path;
import java.time.Clock;
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
    Running running =
        Running.start(
            InstanceLock.acquire(dataDir), dataDir, Clock.systemUTC(), System.err::println);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown =
        new Thread(
            () -> {
              LOG.info("Stopping");
              running.close();
              stopped.countDown();
            },
            "usher-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
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
