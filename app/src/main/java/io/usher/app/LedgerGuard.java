package io.usher.app;

import io.usher.domain.common.UsherException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * An operating-system lock on {@code usher.guard} that every Usher process holds, shared, while it
 * has the ledger open, so that one about to open it can tell whether any process still has it.
 *
 * <p>Why: the window and serve open H2 with AUTO_SERVER, which locks with a file ({@code
 * usher.lock.db}) that a killed process leaves behind. H2 then waits about three seconds before it
 * takes such a file over, on every start after a crash. A process that gets the guard exclusively
 * knows no live process has the ledger open, so the leftover file is nobody's and is removed first.
 * The operating system drops the guard when a process dies, so the guard never goes stale itself.
 */
final class LedgerGuard implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LedgerGuard.class);

  /**
   * The guards this process holds, one channel each, counted: a JVM cannot hold two overlapping
   * locks on one file, and POSIX drops every lock a process holds on a file when it closes any
   * descriptor of it.
   */
  private static final Map<Path, Held> HELD = new HashMap<>();

  private static final class Held {
    final FileChannel channel;
    final FileLock lock;
    int users;

    Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }

  private final Path file;
  private boolean closed;

  private LedgerGuard(Path file) {
    this.file = file;
  }

  /**
   * Clears H2's lock file when no process has the ledger open, then holds the guard (shared) until
   * {@link #close}.
   */
  static LedgerGuard open(Path dataDir) {
    Path file = dataDir.resolve("usher.guard").toAbsolutePath().normalize();
    synchronized (HELD) {
      Held held = HELD.get(file);
      if (held == null) {
        held = hold(file, dataDir);
        HELD.put(file, held);
      }
      held.users++;
      return new LedgerGuard(file);
    }
  }

  private static Held hold(Path file, Path dataDir) {
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock alone = channel.tryLock();
      if (alone != null) {
        try {
          if (Files.deleteIfExists(dataDir.resolve("usher.lock.db"))) {
            LOG.info("Removed the database lock file an Usher that stopped abruptly left behind");
          }
        } finally {
          alone.release();
        }
      }
      // Waits only while another process clears the file, a few milliseconds.
      return new Held(channel, channel.lock(0, Long.MAX_VALUE, true));
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UsherException(
          "Could not lock the data folder " + dataDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    synchronized (HELD) {
      if (closed) {
        return;
      }
      closed = true;
      Held held = HELD.get(file);
      if (held == null || --held.users > 0) {
        return;
      }
      HELD.remove(file);
      try {
        held.lock.release();
      } catch (IOException e) {
        // Closing the channel below drops the lock too.
      }
      closeQuietly(held.channel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing left to release: the operating system drops the lock with the descriptor.
    }
  }
}
