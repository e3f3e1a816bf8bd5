package io.usher.ui.kit;

import javafx.scene.Node;

/** One screen of the main window. It reloads its data each time it is shown. */
public interface Screen {
  Node node();

  void refresh();
}
