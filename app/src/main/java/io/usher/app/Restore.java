package io.usher.app;

import io.usher.domain.backups.BackupFile;
import io.usher.domain.common.UsherException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * {@code usher restore FILE}: puts a backup's ledger in place of the current one, which is backed
 * up first (or, when it is too damaged to open, kept aside as it is). Only while no window or serve
 * runs on the data folder, and only a backup from this schema or an older one (migrated forward as
 * it opens).
 */
final class Restore {
  private Restore() {}

  static String run(Path dataDir, Path file, Clock clock) {
    Path zip = file.toAbsolutePath();
    if (!Files.isRegularFile(zip)) {
      throw new UsherException("There is no file " + zip + ".");
    }
    BackupFile backup =
        LedgerBackups.describe(zip)
            .orElseThrow(
                () ->
                    new UsherException(
                        zip + " is not an Usher backup (a zip made by usher backup)."));
    if (backup.schema() > Database.SCHEMA) {
      throw new UsherException(
          zip
              + " was taken by a newer Usher (ledger schema "
              + backup.schema()
              + "; this one knows up to "
              + Database.SCHEMA
              + "): install that version to restore it.");
    }
    InstanceLock lock;
    try {
      lock = InstanceLock.acquire(dataDir);
    } catch (UsherException running) {
      throw new UsherException(
          running.getMessage() + " Close the window or stop usher serve, then restore.", running);
    }
    try (lock) {
      Path current = dataDir.resolve(Database.FILE_NAME);
      String kept = Files.exists(current) ? keep(dataDir, current, clock) : null;
      Path incoming = dataDir.resolve(Database.FILE_NAME + ".restoring");
      LedgerBackups.extract(zip, incoming);
      replace(incoming, current);
      try (Database restored = Database.open(dataDir)) {
        // Opening it proves it whole and migrates an older schema forward.
      }
      return "Restored the ledger from "
          + zip
          + " (taken "
          + backup.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
          + ")"
          + (kept == null ? "." : "; the ledger it replaced is in " + kept + ".");
    } catch (IOException e) {
      throw new UsherException("Could not restore " + zip + ": " + e.getMessage() + ".", e);
    }
  }

  /** Backs the current ledger up; a file too damaged to open is moved aside unchanged instead. */
  private static String keep(Path dataDir, Path current, Clock clock) throws IOException {
    try (Database db = Database.open(dataDir);
        var c = db.connection()) {
      return LedgerBackups.take(
              c,
              dataDir,
              LedgerBackups.dated(dataDir, clock.instant(), "-before-restore.zip"),
              clock.instant())
          .file();
    } catch (UsherException | java.sql.SQLException unreadable) {
      Path aside = LedgerBackups.dated(dataDir, clock.instant(), "-damaged.mv.db");
      Files.createDirectories(aside.getParent());
      Files.move(current, aside);
      return aside.toString();
    }
  }

  /**
   * Swaps the file in while holding the lock H2 itself takes on an open database file, so a
   * one-shot command that has the ledger open right now is never pulled from under it.
   */
  private static void replace(Path incoming, Path current) throws IOException {
    if (!Files.exists(current)) {
      Files.move(incoming, current, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    try (FileChannel ch = FileChannel.open(current, StandardOpenOption.WRITE)) {
      FileLock held;
      try {
        held = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        held = null;
      }
      if (held == null) {
        Files.deleteIfExists(incoming);
        throw new UsherException(
            "A command is using the ledger at this moment: restore again when it has finished.");
      }
      Files.move(
          incoming, current, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      held.release();
    }
  }
}
