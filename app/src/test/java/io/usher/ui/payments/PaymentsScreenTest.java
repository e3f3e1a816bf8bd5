package io.usher.ui.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.users.UserSpec;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
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
 * The Payments screen's filters say what they filter on and take typed dates; the dashboard's money
 * figures open the payments behind them.
 */
@ExtendWith(ApplicationExtension.class)
class PaymentsScreenTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir static Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-10-10T09:00:00Z"));
  AppContext usher;

  @Start
  void start(Stage stage) {
    usher = new AppContext(dataDir.resolve("t" + System.nanoTime()), clock);
    Fixtures.monthly(usher, "Monthly", "10");
    for (String email : new String[] {"october@example.com", "november@example.com"}) {
      usher.users().create(UserSpec.withEmail(email));
    }
    usher.payments().record(ManualPayment.of("october@example.com", "Monthly"));
    clock.set(Instant.parse("2026-11-05T12:00:00Z"));
    usher.payments().record(ManualPayment.of("november@example.com", "Monthly"));
    clock.set(NOW);
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
  void typedDatesFilterByTheDayPaidUntilTheOwnerChoosesCoveringDays(FxRobot robot) {
    robot.clickOn("#nav-payments");
    assertThat(table(robot).getItems()).hasSize(2);
    assertThat(basis(robot).getValue()).isEqualTo(PaymentFilter.DateBasis.PAID);

    robot.clickOn("#payments-from").write("2026-11-01");
    robot.clickOn("#payments-to").write("30 Nov 2026");

    assertThat(table(robot).getItems())
        .extracting(PaymentRow::email)
        .containsExactly("november@example.com");
    assertThat(robot.lookup("5 Nov 2026 12:00").tryQuery()).as("the Paid on column").isPresent();

    robot.interact(() -> basis(robot).setValue(PaymentFilter.DateBasis.PERIOD));
    assertThat(table(robot).getItems())
        .as("October's month reaches into November")
        .extracting(PaymentRow::email)
        .containsExactlyInAnyOrder("october@example.com", "november@example.com");
  }

  @Test
  void textThatIsNotADateIsMarkedAndChangesNothing(FxRobot robot) {
    robot.clickOn("#nav-payments");
    robot.clickOn("#payments-from").write("the 1st");

    DatePicker from = robot.lookup("#payments-from").queryAs(DatePicker.class);
    assertThat(from.getValue()).isNull();
    assertThat(from.getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("danger"));
    assertThat(table(robot).getItems()).hasSize(2);
  }

  @Test
  void lastMonthsRevenueOpensThePaymentsPaidLastMonth(FxRobot robot) {
    robot.clickOn("#nav-dashboard");
    assertThat(robot.lookup("#dash-revenue-last").queryAs(Label.class).getText())
        .isEqualTo("10.00 USD");

    robot.clickOn("#dash-revenue-last");

    assertThat(table(robot).getItems())
        .extracting(PaymentRow::email)
        .containsExactly("october@example.com");
    DatePicker from = robot.lookup("#payments-from").queryAs(DatePicker.class);
    assertThat(from.getEditor().getText()).isEqualTo("1 Oct 2026");
  }

  @SuppressWarnings("unchecked")
  private static TableView<PaymentRow> table(FxRobot robot) {
    return robot.lookup("#payments-table").queryAs(TableView.class);
  }

  @SuppressWarnings("unchecked")
  private static ComboBox<PaymentFilter.DateBasis> basis(FxRobot robot) {
    return robot.lookup("#payments-on").queryAs(ComboBox.class);
  }
}
