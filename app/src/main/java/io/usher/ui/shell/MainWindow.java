package io.usher.ui.shell;

import io.usher.application.Usher;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The main window: navigation on the left, the chosen screen on the right. */
public final class MainWindow {
  private final Usher usher;
  private final Executor background;

  public MainWindow(Usher usher, Executor background) {
    this.usher = usher;
    this.background = background;
  }

  public void show(Stage stage) {
    stage.setTitle("Usher");
    stage.setScene(new Scene(new Label("Usher — " + usher.dataDir() + background), 1200, 760));
    stage.show();
  }
}
