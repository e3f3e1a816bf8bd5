package io.usher.domain.backups;

import java.util.List;

/** Consistent copies of the whole ledger, taken while Usher runs. */
public interface Backups {
  /**
   * Copies the ledger (settings and secrets included, still sealed) to {@code file}, or to a new
   * dated file in the data folder's backups folder when {@code file} is null.
   */
  BackupFile create(String file);

  /** The backups in the data folder's backups folder, newest first. */
  List<BackupFile> list();

  /** Deletes the dated backups beyond the newest {@code keep}; how many went. */
  int prune(int keep);

  /**
   * Rewrites the ledger file without its dead space when it is big and mostly dead, and no other
   * process is using the ledger at that moment.
   *
   * @return true when it did
   */
  boolean compact();

  /** Whether the ledger is a database Usher does not back up itself (PostgreSQL). */
  boolean elsewhere();

  /**
   * Copies the whole ledger into an empty one (a {@code jdbc:postgresql:} address, or a data folder
   * for its own file) and compares every row of both; the target is left empty when anything fails.
   */
  LedgerCopy copyTo(String target);
}
