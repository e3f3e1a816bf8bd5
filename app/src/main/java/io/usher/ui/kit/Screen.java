package io.usher.ui.kit;

import javafx.scene.Node;

/** One screen of the main window. It reloads its data each time it is shown. */
public interface Screen {
  Node node();

  void refresh();

  /**
   * Whether the screen reloads by itself when the ledger changes elsewhere (a payment from the
   * checkout, a job, a command): the screens of what changes without the owner (users, payments,
   * the dashboard, activity), whose reload keeps what the owner selected. The others change only by
   * the owner's own hand.
   */
  default boolean followsLedger() {
    return false;
  }
}
