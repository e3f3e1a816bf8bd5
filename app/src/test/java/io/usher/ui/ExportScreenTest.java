package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.users.UserSpec;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Export on the Users and Payments screens; the save dialog answers with a file in a temp dir. */
@ExtendWith(ApplicationExtension.class)
class ExportScreenTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir static Path dataDir;
  @TempDir static Path files;
  AppContext usher;

  @Start
  void start(Stage stage) {
    usher = new AppContext(dataDir.resolve("t" + System.nanoTime()), new MutableClock(NOW));
    Fixtures.monthly(usher, "Monthly", "10");
    usher.users().create(UserSpec.withEmail("ann@example.com"));
    usher.payments().record(ManualPayment.of("ann@example.com", "Monthly"));
    new MainWindow(
            usher,
            new UiTasks(Runnable::run, Runnable::run),
            new Formats(ZoneOffset.UTC, java.time.Clock.systemUTC()),
            "light",
            file -> {},
            (owner, title, suggested) -> Optional.of(files.resolve(suggested)))
        .show(stage);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void theOwnerExportsUsersAndPaymentsToCsvFiles(FxRobot robot) throws Exception {
    robot.clickOn("#nav-users").clickOn("#users-export");
    assertThat(robot.lookup("#users-notice").queryAs(Label.class).getText())
        .isEqualTo("Exported 1 user to " + files.resolve("users.csv") + ".");
    assertThat(Files.readString(files.resolve("users.csv"))).contains("\"ann@example.com\"");

    robot.clickOn("#nav-payments").clickOn("#payments-export");
    assertThat(robot.lookup("#payments-notice").queryAs(Label.class).getText())
        .isEqualTo("Exported 1 payment to " + files.resolve("payments.csv") + ".");
    assertThat(Files.readAllLines(files.resolve("payments.csv"))).hasSize(2);
  }
}
