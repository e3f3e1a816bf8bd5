package io.usher.ui.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.users.UserSpec;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Users → More → Change plan…: the dry run's arithmetic first, the change on OK. */
@ExtendWith(ApplicationExtension.class)
class PlanChangeDialogTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String ARITHMETIC =
      "30.00 USD for 30 days, 5 days unused → 5.00 USD credit → 10 days on Basic (15.00 USD per"
          + " 1 month).";

  @TempDir static Path dataDir;
  AppContext usher;

  @Start
  void start(Stage stage) {
    usher = new AppContext(dataDir.resolve("t" + System.nanoTime()), new MutableClock(NOW));
    new MainWindow(
            usher,
            new UiTasks(Runnable::run, Runnable::run),
            new Formats(ZoneOffset.UTC, java.time.Clock.systemUTC()),
            "light",
            file -> {})
        .show(stage);
  }

  @BeforeEach
  void ledger() {
    usher.plans().create(Fixtures.plan("Premium", "30", PlanDuration.days(30)));
    usher.plans().create(Fixtures.plan("Basic", "15", PlanDuration.months(1)));
    usher.users().create(UserSpec.withEmail("ann@example.com"));
    usher
        .payments()
        .record(
            new ManualPayment(
                "ann@example.com",
                "Premium",
                null,
                "pi_1",
                null,
                null,
                NOW.minus(Duration.ofDays(25)),
                null,
                null));
  }

  @AfterEach
  void close() {
    usher.close();
  }

  void openTheDialog(FxRobot robot) {
    robot.clickOn("#nav-users").clickOn("ann@example.com");
    robot.clickOn("#user-more").clickOn("Change plan…");
  }

  void choose(FxRobot robot, String plan) {
    ComboBox<String> box = robot.lookup("#change-plan").queryComboBox();
    robot.interact(() -> box.getSelectionModel().select(plan));
  }

  String preview(FxRobot robot) {
    return robot.lookup("#change-plan-preview").queryAs(Label.class).getText();
  }

  @Test
  void choosingAPlanShowsTheCreditAndOkMovesTheUser(FxRobot robot) {
    openTheDialog(robot);
    choose(robot, "Basic");

    assertThat(preview(robot))
        .startsWith(ARITHMETIC + " Dry run, nothing changed: ann@example.com would move");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).hasSize(1);

    robot.clickOn("#dialog-ok");

    assertThat(robot.lookup("#users-notice").queryAs(Label.class).getText())
        .startsWith(ARITHMETIC + " ann@example.com moved from Premium to Basic until");
    assertThat(usher.queries().users().getFirst().plan()).isEqualTo("Basic");
    assertThat(usher.queries().payments(PaymentFilter.ALL))
        .extracting(PaymentRow::txn, PaymentRow::source)
        .contains(org.assertj.core.groups.Tuple.tuple("credit-pi_1", PaymentSource.CREDIT));
  }

  @Test
  void aRefusalIsShownAndNothingChanges(FxRobot robot) {
    openTheDialog(robot);
    choose(robot, "Premium");

    assertThat(preview(robot)).isEqualTo("ann@example.com is already on Premium.");

    robot.clickOn("#dialog-ok");

    assertThat(robot.lookup("#error-plan").queryAs(Label.class).getText())
        .isEqualTo("ann@example.com is already on Premium.");
    robot.clickOn("Cancel");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).hasSize(1);
    assertThat(usher.queries().users().getFirst().plan()).isEqualTo("Premium");
  }
}
