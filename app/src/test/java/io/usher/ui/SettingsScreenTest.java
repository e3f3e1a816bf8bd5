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
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Settings screen: forms save their changed settings together or not at all, secrets stay
 * hidden; "Save and test Stripe" shows the provider's verdict; Backups takes a backup at once and
 * hands a chosen one to the window's owner to restore.
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
            new Formats(ZoneOffset.UTC, java.time.Clock.systemUTC()),
            "light",
            restoreAsked::add);
    window.show(stage);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  /** Tabs are not nodes TestFX can look up by id, so the test picks one through its pane. */
  static void tab(FxRobot robot, String id) {
    TabPane tabs = robot.lookup("#settings-tabs").queryAs(TabPane.class);
    robot.interact(
        () ->
            tabs.getTabs().stream()
                .filter(t -> ("settings-tab-" + id).equals(t.getId()))
                .findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
  }

  @Test
  void aFormSavesEveryChangedSettingTogetherAndSaysWhich(FxRobot robot) {
    robot.clickOn("#nav-settings");
    robot.clickOn("#setting-checkout-public-url").write("https://tv.example.com/");
    TextField port = robot.lookup("#setting-checkout-port").queryAs(TextField.class);
    robot.interact(() -> port.setText("8800"));
    robot.clickOn("#settings-save-checkout");

    assertThat(robot.lookup("#settings-notice").queryAs(Label.class).getText())
        .isEqualTo("Saved checkout.public-url, checkout.port.");
    assertThat(usher.settings().checkoutPublicUrl()).isEqualTo("https://tv.example.com");
    assertThat(usher.settings().checkoutPort()).isEqualTo(8800);
    assertThat(port.getText()).isEqualTo("8800");
  }

  @Test
  void aRefusedValueIsShownBesideItsFieldAndNothingOnTheFormIsSaved(FxRobot robot) {
    robot.clickOn("#nav-settings");
    robot.clickOn("#setting-checkout-public-url").write("https://tv.example.com");
    TextField port = robot.lookup("#setting-checkout-port").queryAs(TextField.class);
    robot.interact(() -> port.setText("99999"));
    robot.clickOn("#settings-save-checkout");

    assertThat(FormLimitsTest.error(robot, "checkout.port"))
        .isEqualTo("checkout.port takes a whole number from 1 to 65535, not '99999'.");
    assertThat(robot.lookup("#settings-error").queryAs(Label.class).getText())
        .isEqualTo("Nothing was saved: correct the settings marked in red.");
    assertThat(usher.settings().checkoutPublicUrl()).isEmpty();
    assertThat(usher.settings().checkoutPort()).isEqualTo(8765);
  }

  @Test
  void aSecretIsNeverShownAndABlankSecretFieldKeepsTheStoredOne(FxRobot robot) {
    usher.settings().set("stripe.secret-key", "sk_test_abcdef9876");
    robot.clickOn("#nav-settings");
    tab(robot, "payments");
    TextField secret = robot.lookup("#setting-stripe-secret-key").queryAs(TextField.class);
    assertThat(secret.getText()).isEmpty();
    assertThat(secret.getPromptText()).isEqualTo("Set (••••9876): type to replace");

    TextField poll = robot.lookup("#setting-stripe-poll-seconds").queryAs(TextField.class);
    robot.interact(() -> poll.setText("30"));
    robot.clickOn("#settings-save-payments");

    assertThat(usher.settings().stripeSecretKey()).isEqualTo("sk_test_abcdef9876");
    assertThat(usher.settings().stripePoll()).hasSeconds(30);
  }

  @Test
  void testingTheStripeKeysShowsTheVerdict(FxRobot robot) {
    robot.clickOn("#nav-settings");
    tab(robot, "payments");
    robot.clickOn("#settings-test-stripe");

    assertThat(robot.lookup("#settings-notice").queryAs(Label.class).getText())
        .isEqualTo("Fake payments accept anything.");
  }

  @Test
  void testingPayPalBeforeItIsSetUpSaysWhatToSet(FxRobot robot) {
    robot.clickOn("#nav-settings");
    tab(robot, "payments");
    robot.clickOn("#settings-test-paypal");

    assertThat(robot.lookup("#settings-error").queryAs(Label.class).getText())
        .isEqualTo(
            "PayPal is not set up: set paypal.client-id and paypal.secret (Settings) first.");
  }

  @Test
  void backingUpNowListsTheNewBackupAndSaysWhereItIs(FxRobot robot) {
    robot.clickOn("#nav-settings");
    tab(robot, "backups");
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
    robot.clickOn("#nav-settings");
    tab(robot, "backups");
    robot.clickOn("#backup-now");
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
    robot.clickOn("#nav-settings");
    tab(robot, "backups");
    robot.clickOn("#backup-now");
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
