package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Settings screen's "Test Stripe keys" shows the provider's verdict. */
@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {
  @TempDir static Path dataDir;
  AppContext usher;

  @Start
  void start(Stage stage) {
    usher =
        new AppContext(
            dataDir.resolve("t" + System.nanoTime()),
            new MutableClock(Instant.parse("2026-11-22T10:00:00Z")),
            settings -> new FakeMediaServers(),
            settings -> new FakePaymentProvider());
    new MainWindow(
            usher, new UiTasks(Runnable::run, Runnable::run), new Formats(ZoneOffset.UTC), "light")
        .show(stage);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void testingTheStripeKeysShowsTheVerdict(FxRobot robot) {
    robot.clickOn("#nav-settings").clickOn("#settings-test-stripe");

    assertThat(robot.lookup("#settings-notice").queryAs(Label.class).getText())
        .isEqualTo("Fake payments accept anything.");
  }
}
