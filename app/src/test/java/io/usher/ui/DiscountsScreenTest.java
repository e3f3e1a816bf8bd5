package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.domain.discounts.Discount;
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

/** The Discounts screen on a real ledger, through clicks and typing. */
@ExtendWith(ApplicationExtension.class)
class DiscountsScreenTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir static Path dataDir;
  AppContext usher;

  @Start
  void start(Stage stage) {
    usher = new AppContext(dataDir.resolve("t" + System.nanoTime()), new MutableClock(NOW));
    Fixtures.monthly(usher, "Monthly", "10");
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
  void ownerCreatesAnAmountOffCodeLimitedToTenUsesAndSeesItActive(FxRobot robot) {
    robot.clickOn("#nav-discounts");
    assertThat(robot.lookup("No discount codes yet").tryQuery()).isPresent();
    robot.clickOn("#discounts-add");
    robot.clickOn("#discount-code").write("welcome");
    robot.clickOn("#discount-amount");
    robot.clickOn("#discount-value").write("2.50");
    robot.clickOn("#discount-max-uses").write("10");
    robot.clickOn("#dialog-ok");

    Discount saved = usher.discounts().byCode("WELCOME");
    assertThat(saved.spec().amountOff().toDecimalString()).isEqualTo("2.50");
    assertThat(saved.spec().amountOff().currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(saved.spec().maxUses()).isEqualTo(10);
    assertThat(table(robot).getItems()).hasSize(1);
    assertThat(robot.lookup("0 of 10").tryQuery()).isPresent();
    assertThat(
            robot
                .from(robot.lookup("#discounts-table").queryAll())
                .lookup(".badge")
                .queryAs(Label.class)
                .getText())
        .isEqualTo("Active");
  }

  @Test
  void badFieldsAreShownBesideThemAndNothingIsSaved(FxRobot robot) {
    robot.clickOn("#nav-discounts").clickOn("#discounts-add");
    robot.clickOn("#discount-code").write("x");
    robot.clickOn("#discount-value").write("120");
    robot.clickOn("#discount-email").write("not-an-email");
    robot.clickOn("#dialog-ok");

    assertThat(error(robot, "code")).contains("3 to 32 letters");
    assertThat(error(robot, "value")).isEqualTo("A percentage off is between 1 and 100.");
    assertThat(error(robot, "onlyEmail")).contains("is not a valid email address");
    assertThat(usher.discounts().list()).isEmpty();
    robot.clickOn("Cancel");
  }

  @Test
  void aCodeIsSwitchedOffThenRemoved(FxRobot robot) {
    usher
        .discounts()
        .create(
            new io.usher.domain.discounts.DiscountSpec("SPRING", 20, null, null, null, null, true));
    robot.clickOn("#nav-discounts");
    robot.clickOn("SPRING");
    robot.clickOn("#discounts-toggle");
    assertThat(usher.discounts().byCode("SPRING").spec().enabled()).isFalse();
    assertThat(robot.lookup("Disabled").tryQuery()).isPresent();

    robot.clickOn("SPRING").clickOn("#discounts-remove");
    assertThat(usher.discounts().list()).isEmpty();
    assertThat(table(robot).getItems()).isEmpty();
  }

  private static TableView<?> table(FxRobot robot) {
    return robot.lookup("#discounts-table").queryAs(TableView.class);
  }

  private static String error(FxRobot robot, String field) {
    return robot.lookup("#error-" + field).queryAs(Label.class).getText();
  }
}
