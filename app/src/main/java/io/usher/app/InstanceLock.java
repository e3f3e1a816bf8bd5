package io.usher.app;

import io.usher.domain.common.UsherException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One long-running Usher (window or {@code serve}) per data directory. The operating system
 * releases the lock when the process dies, so a crash never leaves a stale lock behind.
 */
public final class InstanceLock implements AutoCloseable {
  /**
   * The lock files this process holds. POSIX drops every lock a process holds on a file when the
   * process closes any descriptor of that file, so this process must never open a lock file it
   * holds just to read it (that let a second window or serve start beside the first).
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final FileChannel channel;
  private final FileLock lock;
  private final Path file;

  private InstanceLock(FileChannel channel, FileLock lock, Path file) {
    this.channel = channel;
    this.lock = lock;
    this.file = file;
  }

  private static Path lockFile(Path dataDir) {
    return dataDir.resolve("usher.lock").toAbsolutePath().normalize();
  }

  public static InstanceLock acquire(Path dataDir) {
    Path file = lockFile(dataDir);
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String pid = readPid(channel);
        channel.close();
        throw new UsherException(
            "Usher is already running on this data"
                + (pid.isEmpty() ? "" : " (pid " + pid + ")")
                + ".");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)),
          0);
      channel.force(false);
      HELD.add(file);
      return new InstanceLock(channel, lock, file);
    } catch (IOException e) {
      throw new UsherException(
          "Could not lock the data folder " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a window or serve (this process included) runs on the data folder: the pid its lock
   * file names is alive. Read without locking, so a window starting at this instant is never
   * refused because of the look.
   */
  static boolean running(Path dataDir) {
    Path file = lockFile(dataDir);
    if (HELD.contains(file)) {
      return true;
    }
    try {
      String pid =
          Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : "";
      return !pid.isEmpty()
          && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  /** Whether a window or serve other than this process runs on the data folder. */
  static boolean runningElsewhere(Path dataDir) {
    Path file = lockFile(dataDir);
    if (HELD.contains(file)) {
      return false;
    }
    try {
      String pid =
          Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : "";
      return running(dataDir) && Long.parseLong(pid) != ProcessHandle.current().pid();
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  private static String readPid(FileChannel channel) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(32);
    int n = channel.read(buf, 0);
    return n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.US_ASCII).strip();
  }

  @Override
  public void close() {
    HELD.remove(file);
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The process is ending; the OS drops the lock regardless.
    }
  }
}
