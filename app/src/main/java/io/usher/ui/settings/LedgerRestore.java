package io.usher.ui.settings;

/**
 * Puts a backup in place of the open ledger. The ledger must be closed for that, so whoever owns
 * the window's session (the launcher) closes it, restores, and opens the window again on the
 * result.
 */
@FunctionalInterface
public interface LedgerRestore {
  /**
   * Called on the JavaFX thread; returns at once and does the work elsewhere.
   *
   * @param file the backup zip's path
   */
  void restore(String file);
}
