package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.settings.SettingView;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11 §2 in the window: a value the ledger cannot hold is refused beside its field with the
 * sentence the command line prints, and nothing is written.
 */
@ExtendWith(ApplicationExtension.class)
class FormLimitsTest {
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

  @BeforeEach
  void aPlanAndAUser() {
    Fixtures.monthly(usher, "Monthly", "10");
    usher.users().create(UserSpec.withEmail("bob@example.com"));
  }

  @AfterEach
  void close() {
    usher.close();
  }

  /** The error line shown for {@code field}; a form elsewhere with the same field keeps its own. */
  static String error(FxRobot robot, String field) {
    return robot
        .lookup((Node n) -> ("error-" + field).equals(n.getId()) && n.isVisible())
        .queryAs(Label.class)
        .getText();
  }

  @Test
  void aPaymentsNotesLongerThanTheirColumnAreRefusedBesideTheField(FxRobot robot) {
    robot.clickOn("#nav-payments").clickOn("#payments-add");
    robot.clickOn("#payment-email").write("bob@example.com");
    ComboBox<String> plan = robot.lookup("#payment-plan").queryComboBox();
    TextArea notes = robot.lookup("#payment-notes").queryAs(TextArea.class);
    robot.interact(
        () -> {
          plan.getSelectionModel().select("Monthly");
          notes.setText("n".repeat(10_000));
        });
    robot.clickOn("#dialog-ok");

    assertThat(error(robot, "notes")).isEqualTo("The notes can be at most 4000 characters long.");
    robot.clickOn("Cancel");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();
  }

  @Test
  void anEmptyAmountInTheFormStillMeansThePlansPrice(FxRobot robot) {
    robot.clickOn("#nav-payments").clickOn("#payments-add");
    robot.clickOn("#payment-email").write("bob@example.com");
    ComboBox<String> plan = robot.lookup("#payment-plan").queryComboBox();
    robot.interact(() -> plan.getSelectionModel().select("Monthly"));
    robot.clickOn("#dialog-ok");

    assertThat(usher.queries().payments(PaymentFilter.ALL))
        .singleElement()
        .satisfies(p -> assertThat(p.amount().toDecimalString()).isEqualTo("10.00"));
  }

  @Test
  void aPortOutOfRangeIsRefusedBesideTheSetting(FxRobot robot) {
    robot.clickOn("#nav-settings");
    SettingsScreenTest.tab(robot, "advanced");
    TableView<SettingView> table = robot.lookup("#settings-table").queryTableView();
    robot.interact(
        () ->
            table.getItems().stream()
                .filter(s -> s.key().equals("checkout.port"))
                .findFirst()
                .ifPresent(s -> table.getSelectionModel().select(s)));
    robot.clickOn("#settings-edit");
    TextField value = robot.lookup("#setting-value").queryAs(TextField.class);
    robot.interact(() -> value.setText("99999"));
    robot.clickOn("#dialog-ok");

    assertThat(error(robot, "checkout.port"))
        .isEqualTo("checkout.port takes a whole number from 1 to 65535, not '99999'.");
    robot.clickOn("Cancel");
    assertThat(usher.settings().value("checkout.port")).isEqualTo("8765");
  }

  @Test
  void aUsersNotesLongerThanTheirColumnAreRefusedBesideTheField(FxRobot robot) {
    robot.clickOn("#nav-users").clickOn("#users-add");
    robot.clickOn("#user-email").write("amy@example.com");
    TextArea notes = robot.lookup("#user-notes").queryAs(TextArea.class);
    robot.interact(() -> notes.setText("n".repeat(10_000)));
    robot.clickOn("#dialog-ok");

    assertThat(error(robot, "notes")).isEqualTo("The notes can be at most 4000 characters long.");
    robot.clickOn("Cancel");
    assertThat(usher.queries().users()).hasSize(1);
  }

  @Test
  void aPlanLongerThanACenturyIsRefusedBesideItsDuration(FxRobot robot) {
    robot.clickOn("#nav-plans");
    TableView<?> table = robot.lookup("#plans-table").queryTableView();
    robot.interact(() -> table.getSelectionModel().select(0));
    robot.clickOn("#plans-edit");
    TextField duration = robot.lookup("#plan-duration").queryAs(TextField.class);
    robot.interact(() -> duration.setText("99999999"));
    robot.clickOn("#dialog-ok");

    assertThat(error(robot, "duration")).isEqualTo("A plan lasts at most 1200 months (100 years).");
    robot.clickOn("Cancel");
    assertThat(usher.plans().list().getFirst().spec().duration().amount()).isEqualTo(1);
  }
}
