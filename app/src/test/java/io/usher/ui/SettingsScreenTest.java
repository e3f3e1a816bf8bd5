package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.domain.backups.BackupFile;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Settings screen: "Test Stripe keys" shows the provider's verdict; Backups takes a backup at
 * once and hands a chosen one to the window's owner to restore.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {
  @TempDir static Path dataDir;
  AppContext usher;
  MainWindow window;
  final List<String> restoreAsked = new ArrayList<>();

  @Start
  void start(Stage stage) {
    usher =
        new AppContext(
            dataDir.resolve("t" + System.nanoTime()),
            new MutableClock(Instant.parse("2026-11-22T10:00:00Z")),
            settings -> new FakeMediaServers(),
            settings -> new FakePaymentProvider());
    window =
        new MainWindow(
            usher,
            new UiTasks(Runnable::run, Runnable::run),
            new Formats(ZoneOffset.UTC),
            "light",
            restoreAsked::add);
    window.show(stage);
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

  @Test
  void testingPayPalBeforeItIsSetUpSaysWhatToSet(FxRobot robot) {
    robot.clickOn("#nav-settings").clickOn("#settings-test-paypal");

    assertThat(robot.lookup("#settings-error").queryAs(Label.class).getText())
        .isEqualTo(
            "PayPal is not set up: set paypal.client-id and paypal.secret (Settings) first.");
  }

  @Test
  void backingUpNowListsTheNewBackupAndSaysWhereItIs(FxRobot robot) {
    robot.clickOn("#nav-settings");
    @SuppressWarnings("unchecked")
    TableView<BackupFile> table = robot.lookup("#backups-table").queryAs(TableView.class);
    assertThat(table.getItems()).isEmpty();
    assertThat(robot.lookup("#backup-restore").queryButton().isDisabled()).isTrue();

    robot.clickOn("#backup-now");

    assertThat(table.getItems()).hasSize(1);
    String file = table.getItems().getFirst().file();
    assertThat(Path.of(file)).exists().hasParent(usher.dataDir().resolve("backups"));
    assertThat(robot.lookup("#settings-notice").queryAs(Label.class).getText())
        .isEqualTo("Backed up to " + file + ".");
  }

  @Test
  void restoringAConfirmedBackupPausesTheWindowAndHandsTheFileOver(FxRobot robot) {
    robot.clickOn("#nav-settings").clickOn("#backup-now");
    @SuppressWarnings("unchecked")
    TableView<BackupFile> table = robot.lookup("#backups-table").queryAs(TableView.class);
    String file = table.getItems().getFirst().file();

    robot.interact(() -> table.getSelectionModel().select(0));
    robot.clickOn("#backup-restore");
    robot.clickOn("#restore-confirm");

    assertThat(restoreAsked).containsExactly(file);
    assertThat(robot.lookup("#window-paused").tryQuery()).isPresent();
    assertThat(robot.lookup("#nav-users").query().isDisabled()).isTrue();
  }

  @Test
  void cancellingTheRestoreLeavesEverythingAsItWas(FxRobot robot) {
    robot.clickOn("#nav-settings").clickOn("#backup-now");
    @SuppressWarnings("unchecked")
    TableView<BackupFile> table = robot.lookup("#backups-table").queryAs(TableView.class);

    robot.interact(() -> table.getSelectionModel().select(0));
    robot.clickOn("#backup-restore");
    robot.clickOn("Cancel");

    assertThat(restoreAsked).isEmpty();
    assertThat(robot.lookup("#window-paused").tryQuery()).isEmpty();
  }

  @Test
  void theWindowOpenedAgainSaysHowTheRestoreWent(FxRobot robot) {
    robot.interact(() -> window.restored("Restored the ledger from /x.zip.", false));

    assertThat(robot.lookup("#window-notice").queryAs(Label.class).getText())
        .isEqualTo("Restored the ledger from /x.zip.");
    assertThat(robot.lookup("#settings-table").tryQuery()).isPresent();

    robot.interact(() -> window.restored("/y.zip is not an Usher backup.", true));
    assertThat(robot.lookup("#window-problem").queryAs(Label.class).getText())
        .isEqualTo("/y.zip is not an Usher backup.");
  }
}
