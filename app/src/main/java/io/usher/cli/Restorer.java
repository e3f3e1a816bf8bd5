package io.usher.cli;

/** Puts a backup in place of a data folder's ledger (usher restore), with the ledger closed. */
@FunctionalInterface
public interface Restorer {
  /**
   * @param dataDirOption the --data-dir option as given (null: the default folder)
   * @return the sentence for the owner
   */
  String restore(String dataDirOption, String file);
}
