package io.usher.ui.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.users.UserSpec;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
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

/** The Unmatched payments screen on a real ledger: the owner assigns one and dismisses another. */
@ExtendWith(ApplicationExtension.class)
class UnmatchedScreenTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir static Path dataDir;
  AppContext usher;

  @Start
  void start(Stage stage) {
    usher = new AppContext(dataDir.resolve("t" + System.nanoTime()), new MutableClock(NOW));
    Fixtures.monthly(usher, "Monthly", "10");
    usher.users().create(UserSpec.withEmail("ann@example.com"));
    for (String txn : new String[] {"pi_friend", "pi_refund"}) {
      usher
          .webhooks()
          .apply(
              new PaymentEvent(
                  "evt_" + txn,
                  PaymentEvent.Kind.PAID,
                  txn,
                  null,
                  txn.substring(3) + "@payer.example",
                  null,
                  new Money(1000, Money.currency("USD")),
                  NOW));
    }
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
  void ownerAssignsOnePaymentToItsCustomerAndDismissesTheOther(FxRobot robot) {
    assertThat(robot.lookup("#dash-unmatched").queryAs(Label.class).getText())
        .isEqualTo("2 payments wait for you");
    robot.clickOn("#dash-unmatched-review");
    assertThat(table(robot).getItems()).hasSize(2);

    robot.clickOn("friend@payer.example").clickOn("#unmatched-assign");
    robot.clickOn("#assign-email").write("nobody@example.com");
    robot.clickOn("#assign-plan").clickOn("Monthly");
    robot.clickOn("#dialog-ok");
    assertThat(robot.lookup("#error-email").queryAs(Label.class).getText())
        .contains("No user has the email nobody@example.com");
    robot.doubleClickOn("#assign-email").eraseText(40).write("ann@example.com");
    robot.clickOn("#assign-remember");
    robot.clickOn("#dialog-ok");

    assertThat(usher.payments().forUser(usher.users().byEmail("ann@example.com").id()))
        .singleElement()
        .satisfies(p -> assertThat(p.ref().txnId()).isEqualTo("pi_friend"));
    assertThat(usher.users().byEmail("ann@example.com").spec().paypalEmail())
        .isEqualTo("friend@payer.example");
    assertThat(robot.lookup("#unmatched-notice").queryAs(Label.class).getText())
        .startsWith("Recorded pi_friend for ann@example.com (Monthly, 10.00 USD)");
    assertThat(table(robot).getItems()).hasSize(1);

    robot.clickOn("refund@payer.example").clickOn("#unmatched-dismiss");
    robot.clickOn("#name-value").write("A refund from the old shop");
    robot.clickOn("#dialog-ok");

    assertThat(usher.unmatched().waiting()).isEmpty();
    assertThat(table(robot).getItems()).isEmpty();
    assertThat(robot.lookup("Nothing waits for you").tryQuery()).isPresent();
    robot.clickOn("#nav-dashboard");
    assertThat(robot.lookup("#dash-unmatched-panel").query().isVisible()).isFalse();
  }

  private static TableView<?> table(FxRobot robot) {
    return robot.lookup("#unmatched-table").queryAs(TableView.class);
  }
}
