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

/**
 * One long-running Usher (window or {@code serve}) per data directory. The operating system
 * releases the lock when the process dies, so a crash never leaves a stale lock behind.
 */
public final class InstanceLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private InstanceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static InstanceLock acquire(Path dataDir) {
    Path file = dataDir.resolve("usher.lock");
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
      return new InstanceLock(channel, lock);
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
    Path file = dataDir.resolve("usher.lock");
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
    Path file = dataDir.resolve("usher.lock");
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
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The process is ending; the OS drops the lock regardless.
    }
  }
}
