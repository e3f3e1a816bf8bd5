package io.usher.application.backups;

import io.usher.domain.backups.BackupFile;
import io.usher.domain.backups.Backups;
import io.usher.domain.backups.LedgerCopy;
import java.util.List;

/** Backing up the ledger by hand (window, CLI); restoring needs Usher closed and is not here. */
public final class BackupService {
  private final Backups backups;

  public BackupService(Backups backups) {
    this.backups = backups;
  }

  /**
   * @param file where to write the zip, or null for a dated file in the backups folder
   */
  public BackupFile create(String file) {
    return backups.create(file == null || file.isBlank() ? null : file);
  }

  public List<BackupFile> list() {
    return backups.list();
  }

  /** usher db copy: the ledger copied into an empty one elsewhere, every row verified. */
  public LedgerCopy copyTo(String target) {
    if (target == null || target.isBlank()) {
      throw new io.usher.domain.common.UsherException(
          "Say where to copy the ledger: --to jdbc:postgresql://host/usher, or --to a data folder.");
    }
    return backups.copyTo(target.strip());
  }
}
