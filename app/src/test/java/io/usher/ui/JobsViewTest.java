package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Jobs panel: every job listed, "Run now" runs it and shows what it did. */
@ExtendWith(ApplicationExtension.class)
class JobsViewTest {
  @TempDir static Path dataDir;
  AppContext usher;

  @Start
  void start(Stage stage) {
    usher =
        new AppContext(
            dataDir.resolve("t" + System.nanoTime()),
            new MutableClock(Instant.parse("2026-11-22T10:00:00Z")),
            settings -> new FakeMediaServers());
    new MainWindow(
            usher,
            new UiTasks(Runnable::run, Runnable::run),
            new Formats(ZoneOffset.UTC, java.time.Clock.systemUTC()),
            "light",
            file -> {})
        .show(stage);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void runningAJobShowsItsResultAndRecordsTheRun(FxRobot robot) {
    robot.clickOn("#nav-jobs");
    TableView<?> table = robot.lookup("#jobs-table").queryAs(TableView.class);
    assertThat(table.getItems()).hasSizeGreaterThanOrEqualTo(4);

    robot.clickOn("actives").clickOn("#jobs-run");

    assertThat(robot.lookup("#jobs-output").queryAs(TextArea.class).getText())
        .isEqualTo("actives: 0 active (0 permanent), 0 expiring within 7 days, 0 expired.");
    assertThat(robot.lookup("ok").tryQuery()).isPresent();
  }
}
