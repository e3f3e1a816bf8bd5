package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.domain.ledger.UserStatus;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.control.ComboBox;
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
 * The window end to end on a real ledger: what an owner does on the first day, through clicks and
 * typing. Background work runs inline so every step has finished when the robot looks.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir static Path dataDir;
  AppContext usher;
  MainWindow window;

  @Start
  void start(Stage stage) {
    usher = new AppContext(dataDir.resolve("t" + System.nanoTime()), new MutableClock(NOW));
    window =
        new MainWindow(
            usher,
            new UiTasks(Runnable::run, Runnable::run),
            new Formats(ZoneOffset.UTC, java.time.Clock.systemUTC()),
            "light",
            file -> {});
    window.show(stage);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void ownerCreatesAPlanAddsAUserRecordsAPaymentAndSeesTheUserActive(FxRobot robot) {
    robot.clickOn("#nav-plans").clickOn("#plans-add");
    robot.clickOn("#plan-name").write("Monthly");
    robot.clickOn("#plan-price").write("12.50");
    robot.clickOn("#dialog-ok");
    assertThat(table(robot, "#plans-table").getItems()).hasSize(1);

    robot.clickOn("#nav-users").clickOn("#users-add");
    robot.clickOn("#user-email").write("alice@example.com");
    robot.clickOn("#user-name").write("Alice");
    robot.clickOn("#dialog-ok");
    assertThat(badgesIn(robot, "#users-table")).containsExactly("No payment yet");
    assertThat(robot.lookup("#user-detail-title").queryAs(Label.class).getText())
        .isEqualTo("Alice");
    assertThat(detailBadges(robot)).contains("No payment yet");

    robot.clickOn("#user-add-payment");
    ComboBox<String> plan = robot.lookup("#payment-plan").queryComboBox();
    robot.clickOn(plan).clickOn("Monthly");
    robot.clickOn("#dialog-ok");

    assertThat(badgesIn(robot, "#users-table")).containsExactly("Active");
    assertThat(detailBadges(robot)).as("the panel follows the payment").contains("Active");
    assertThat(usher.queries().users().getFirst().status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(table(robot, "#user-payments").getItems()).hasSize(1);

    robot.clickOn("#nav-dashboard");
    assertThat(robot.lookup("#dash-active").queryAs(Label.class).getText()).isEqualTo("1");
    assertThat(robot.lookup("#dash-expired").queryAs(Label.class).getText()).isEqualTo("0");
    assertThat(robot.lookup("#dash-revenue-month").queryAs(Label.class).getText())
        .isEqualTo("12.50 USD");
    assertThat(robot.lookup("#dash-recent").tryQuery()).isPresent();
    assertThat(robot.lookup("#dash-checklist").tryQuery())
        .as("no server, mail or payment keys yet")
        .isPresent();
  }

  /** Ann and Bob on a monthly plan, one of them paid; the Users screen open on them. */
  private TableView<?> annAndBobOnUsers(FxRobot robot, String paid) {
    io.usher.testing.Fixtures.monthly(usher, "Monthly", "10");
    for (String email : new String[] {"ann@example.com", "bob@example.com"}) {
      usher.users().create(io.usher.domain.users.UserSpec.withEmail(email));
    }
    usher.payments().record(io.usher.application.payments.ManualPayment.of(paid, "Monthly"));
    robot.clickOn("#nav-users");
    return table(robot, "#users-table");
  }

  @Test
  void ownerExtendsTwoSelectedUsersAfterAPreviewOfWhatHappensToEach(FxRobot robot) {
    TableView<?> users = annAndBobOnUsers(robot, "ann@example.com");
    robot.interact(() -> users.getSelectionModel().selectAll());

    robot.clickOn("#users-selected").clickOn("#users-extend");
    robot.doubleClickOn("#user-action-days").write("10");
    @SuppressWarnings("unchecked")
    javafx.scene.control.ListView<String> preview =
        robot.lookup("#user-action-preview").queryAs(javafx.scene.control.ListView.class);
    assertThat(preview.getItems())
        .containsExactly(
            "ann@example.com — +10 days of Monthly, until 1 January 2027",
            "Skipped: bob@example.com — has never paid, so there is no plan to extend");
    assertThat(usher.payments().forUser(usher.users().byEmail("ann@example.com").id())).hasSize(1);
    robot.clickOn("#dialog-ok");

    assertThat(robot.lookup("#users-notice").queryAs(Label.class).getText())
        .isEqualTo("Extended 1 user; 1 skipped (the preview said why).");
    assertThat(usher.payments().forUser(usher.users().byEmail("ann@example.com").id())).hasSize(2);
  }

  @Test
  void ownerDeletesAUserAfterAPreviewThatSaysWhatLeavesTheLedger(FxRobot robot) {
    TableView<?> users = annAndBobOnUsers(robot, "bob@example.com");
    robot.interact(() -> users.getSelectionModel().select(1));

    robot.clickOn("#users-selected").clickOn("#users-delete");
    @SuppressWarnings("unchecked")
    javafx.scene.control.ListView<String> preview =
        robot.lookup("#user-action-preview").queryAs(javafx.scene.control.ListView.class);
    assertThat(preview.getItems())
        .containsExactly("bob@example.com — is deleted with 1 payment ($10)");
    assertThat(robot.lookup("#user-action-warning").queryAs(Label.class).getText())
        .startsWith("This cannot be undone.");
    robot.clickOn("#dialog-ok");

    assertThat(robot.lookup("#users-notice").queryAs(Label.class).getText())
        .isEqualTo("Deleted 1 user.");
    assertThat(users.getItems()).hasSize(1);
    assertThat(usher.queries().users())
        .extracting(u -> u.email())
        .containsExactly("ann@example.com");
  }

  @Test
  void theChecklistsPaymentStepOpensTheSettingsOnTheStripeAndPayPalKeys(FxRobot robot) {
    robot.clickOn("#nav-dashboard");
    // The checklist sits below the fold of the test's window: fire the button as a click would.
    robot.interact(() -> robot.lookup("#dash-open-payment_settings").queryButton().fire());

    javafx.scene.control.TabPane tabs =
        robot.lookup("#settings-tabs").queryAs(javafx.scene.control.TabPane.class);
    assertThat(tabs.getSelectionModel().getSelectedItem().getId())
        .isEqualTo("settings-tab-payments");
    assertThat(robot.lookup("#setting-stripe-secret-key").query().isVisible()).isTrue();
  }

  @Test
  void withReferralsOnAUsersDetailsShowTheirCodeAndWhomTheyReferred(FxRobot robot) {
    usher.settings().set("referral.percent", "10");
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("alice@example.com"));
    String code = usher.referrals().summary("alice@example.com").code();

    robot.clickOn("#nav-users").clickOn("alice@example.com");

    assertThat(robot.lookup(code).tryQuery()).as("the code is shown").isPresent();
    assertThat(robot.lookup("Referral code").tryQuery()).isPresent();
  }

  @Test
  void aPaymentRecordedElsewhereShowsWithoutAClick(FxRobot robot) throws Exception {
    io.usher.testing.Fixtures.monthly(usher, "Monthly", "10");
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("carol@example.com"));
    robot.clickOn("#nav-users");
    assertThat(badgesIn(robot, "#users-table")).containsExactly("No payment yet");

    // As the checkout, a job or a command beside the window would.
    usher
        .payments()
        .record(io.usher.application.payments.ManualPayment.of("carol@example.com", "Monthly"));
    Thread.sleep(4_500);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

    assertThat(badgesIn(robot, "#users-table")).containsExactly("Active");
  }

  @Test
  void aBadPriceIsExplainedBesideTheFieldAndNothingIsSaved(FxRobot robot) {
    robot.clickOn("#nav-plans").clickOn("#plans-add");
    robot.clickOn("#plan-name").write("Monthly");
    robot.clickOn("#plan-price").write("-3");
    robot.clickOn("#dialog-ok");

    Label error = robot.lookup("#error-price").queryAs(Label.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).isEqualTo("The amount cannot be negative.");
    assertThat(usher.plans().list()).isEmpty();

    robot.clickOn("Cancel");
    assertThat(table(robot, "#plans-table").getItems()).isEmpty();
  }

  @Test
  void aWindowWideProblemStaysAboveEveryScreen(FxRobot robot) {
    Label banner = robot.lookup("#window-problem").queryAs(Label.class);
    assertThat(banner.isVisible()).as("nothing to say yet").isFalse();

    robot.interact(() -> window.problem("The checkout page could not start: port 8765 is in use."));
    robot.clickOn("#nav-plans");

    assertThat(banner.isVisible()).isTrue();
    assertThat(banner.getText())
        .isEqualTo("The checkout page could not start: port 8765 is in use.");
  }

  @Test
  void aPaymentForAnUnknownUserIsRefusedInTheDialog(FxRobot robot) {
    robot.clickOn("#nav-plans").clickOn("#plans-add");
    robot.clickOn("#plan-name").write("Monthly");
    robot.clickOn("#plan-price").write("5");
    robot.clickOn("#dialog-ok");

    robot.clickOn("#nav-payments").clickOn("#payments-add");
    robot.clickOn("#payment-email").write("nobody@example.com");
    robot.clickOn("#payment-plan").clickOn("Monthly");
    robot.clickOn("#dialog-ok");

    assertThat(robot.lookup(".form-general-error").queryAs(Label.class).getText())
        .contains("There is no user with email nobody@example.com");
    robot.clickOn("Cancel");
    assertThat(table(robot, "#payments-table").getItems()).isEmpty();
  }

  @Test
  void searchNarrowsTheUsersAsTheOwnerTypes(FxRobot robot) {
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("alice@example.com"));
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("bob@example.com"));
    robot.clickOn("#nav-users");
    assertThat(table(robot, "#users-table").getItems()).hasSize(2);

    robot.clickOn("#users-search").write("bob");

    assertThat(table(robot, "#users-table").getItems()).hasSize(1);
    assertThat(robot.lookup("#users-count").queryAs(Label.class).getText())
        .isEqualTo("1 of 2 users");
  }

  @Test
  void ownerCorrectsAPaymentsEndDateAndTheChangeIsAudited(FxRobot robot) {
    io.usher.testing.Fixtures.monthly(usher, "Monthly", "10");
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("alice@example.com"));
    var payment =
        usher
            .payments()
            .record(io.usher.application.payments.ManualPayment.of("alice@example.com", "Monthly"));
    robot.clickOn("#nav-payments");
    robot.doubleClickOn("alice@example.com");

    robot.doubleClickOn("#edit-end").eraseText(20).write("15 Jan 2027");
    robot.clickOn("#dialog-ok");

    var stored = usher.payments().forUser(payment.userId()).getFirst();
    assertThat(stored.period().end()).isEqualTo(Instant.parse("2027-01-15T00:00:00Z"));
    assertThat(stored.period().start()).isEqualTo(payment.period().start());
    assertThat(usher.queries().history("payment", payment.id()))
        .extracting(e -> e.action())
        .containsExactly("created", "edited");
    assertThat(robot.lookup("15 Jan 2027").tryQuery()).isPresent();
  }

  private static TableView<?> table(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(TableView.class);
  }

  private static java.util.List<String> detailBadges(FxRobot robot) {
    return robot
        .lookup("#user-detail-badges")
        .queryAs(javafx.scene.layout.HBox.class)
        .getChildren()
        .stream()
        .map(n -> ((Label) n).getText())
        .toList();
  }

  private static java.util.List<String> badgesIn(FxRobot robot, String tableId) {
    // The window follows the ledger every two seconds: a reload that just replaced the rows shows
    // them in cells at the next pulse, so the robot waits for it before reading.
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> robot.lookup(tableId).query().getScene().getRoot().layout());
    return robot
        .from(robot.lookup(tableId).queryAll())
        .lookup(".badge")
        .queryAllAs(Label.class)
        .stream()
        .filter(javafx.scene.Node::isVisible)
        .map(Label::getText)
        .toList();
  }
}
