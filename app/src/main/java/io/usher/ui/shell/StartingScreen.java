package io.usher.ui.shell;

import atlantafx.base.theme.Styles;
import io.usher.ui.kit.Placeholder;
import io.usher.ui.kit.Theme;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * What the window shows the moment Usher starts, while the ledger opens in the background: the
 * shell (the sidebar, its sections not yet clickable) and a spinner saying what it waits for. The
 * owner's theme lives in the ledger, so until it opens the window follows the system's light or
 * dark; {@link MainWindow#show} then puts the screens in the same stage.
 */
public final class StartingScreen {
  private StartingScreen() {}

  /**
   * Shows the starting shell in {@code stage}, with the data folder being opened.
   *
   * @return done once the shell is on screen: the main window is built only then, since a ledger
   *     that opens at once would otherwise have the whole main window built before the shell's
   *     first frame, and the window stayed blank 0.7 s longer
   */
  public static CompletableFuture<Void> show(Stage stage, String dataFolder) {
    CompletableFuture<Void> onScreen = new CompletableFuture<>();
    new AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        // A pulse waits for the frame before it to be rendered: by the third, the first is shown.
        if (++pulses == 3) {
          stop();
          onScreen.complete(null);
        }
      }
    }.start();
    Theme.apply(
        Platform.getPreferences().getColorScheme() == ColorScheme.DARK ? Theme.DARK : Theme.LIGHT);
    Label brand = new Label("Usher");
    brand.getStyleClass().addAll(Styles.TITLE_3, "brand");
    VBox items = new VBox(2);
    for (Section section : Section.values()) {
      ToggleButton button = new ToggleButton(section.title);
      button.getStyleClass().add("nav-item");
      button.setMaxWidth(Double.MAX_VALUE);
      button.setAlignment(Pos.CENTER_LEFT);
      button.setDisable(true);
      items.getChildren().add(button);
    }
    VBox sidebar = new VBox(14, brand, items);
    sidebar.getStyleClass().add("sidebar");
    sidebar.setPadding(new Insets(20, 14, 16, 14));
    sidebar.setPrefWidth(232);
    sidebar.setMinWidth(232);
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(48, 48);
    VBox waiting = Placeholder.of("Opening your ledger…", dataFolder, spinner);
    waiting.setId("window-starting");
    BorderPane root = new BorderPane(waiting);
    root.setLeft(sidebar);
    Scene scene = new Scene(root, MainWindow.WIDTH, MainWindow.HEIGHT);
    scene.getStylesheets().addAll(Theme.stylesheets());
    stage.setTitle("Usher");
    stage.setMinWidth(MainWindow.MIN_WIDTH);
    stage.setMinHeight(MainWindow.MIN_HEIGHT);
    stage.setScene(scene);
    stage.show();
    return onScreen;
  }
}
