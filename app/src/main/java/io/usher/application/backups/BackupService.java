package io.usher.application.backups;

import io.usher.domain.backups.BackupFile;
import io.usher.domain.backups.Backups;
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
}
