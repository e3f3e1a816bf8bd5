package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import io.usher.ui.shell.StartingScreen;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's first moment: the shell and a spinner while the ledger opens, then the screens in
 * the same window at the size it has by then.
 */
@ExtendWith(ApplicationExtension.class)
class StartingScreenTest {
  @TempDir Path dataDir;
  Stage stage;
  AppContext usher;
  java.util.concurrent.CompletableFuture<Void> onScreen;
  boolean doneWhenShown;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    onScreen = StartingScreen.show(stage, dataDir.toString());
    doneWhenShown = onScreen.isDone();
  }

  @AfterEach
  void close() {
    if (usher != null) {
      usher.close();
    }
  }

  @Test
  void theShellShowsAtOnceWithItsSectionsWaitingForTheLedger(FxRobot robot) {
    assertThat(stage.isShowing()).isTrue();
    assertThat(robot.lookup("#window-starting").tryQuery()).isPresent();
    assertThat(robot.lookup("Opening your ledger…").queryAs(Label.class).isVisible()).isTrue();
    assertThat(robot.lookup(dataDir.toString()).tryQuery()).isPresent();
    assertThat(robot.lookup(".nav-item").queryAllAs(ToggleButton.class))
        .hasSizeGreaterThan(5)
        .allSatisfy(b -> assertThat(b.isDisabled()).isTrue());
  }

  @Test
  void saysItIsOnScreenOnlyAfterItsFirstFramesSoTheScreensAreBuiltAfterIt() throws Exception {
    assertThat(doneWhenShown).isFalse();
    onScreen.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(stage.isShowing()).isTrue();
  }

  @Test
  void theScreensReplaceItInTheSameWindowKeepingItsSize(FxRobot robot) {
    robot.interact(
        () -> {
          stage.setWidth(1100);
          stage.setHeight(720);
        });
    double width = stage.getScene().getWidth();
    usher = new AppContext(dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")));

    robot.interact(
        () ->
            new MainWindow(
                    usher,
                    new UiTasks(Runnable::run, Runnable::run),
                    new Formats(ZoneOffset.UTC, java.time.Clock.systemUTC()),
                    "light",
                    file -> {})
                .show(stage));

    assertThat(robot.lookup("#window-starting").tryQuery()).isEmpty();
    assertThat(robot.lookup("#nav-users").queryAs(ToggleButton.class).isDisabled()).isFalse();
    assertThat(stage.getScene().getWidth()).isEqualTo(width);
  }
}
