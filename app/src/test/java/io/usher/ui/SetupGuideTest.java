package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.app.AppContext;
import io.usher.application.settings.SettingsService.GuideStep;
import io.usher.domain.plans.Plan;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 15 §2: the first start of an empty ledger opens the setup guide, which a new owner walks
 * through against an in-memory Jellyfin server, skipping email and payments.
 */
@ExtendWith(ApplicationExtension.class)
class SetupGuideTest {
  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  @TempDir static Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  MainWindow window;

  @Start
  void start(Stage stage) {
    media.server("http://den:8096").library("f1", "Movies").library("f2", "Home videos");
    usher =
        new AppContext(
            dataDir.resolve("t" + System.nanoTime()),
            new MutableClock(Instant.parse("2026-11-22T10:00:00Z")),
            settings -> media);
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

  String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Labeled.class).getText();
  }

  @Test
  void aNewOwnerIsGuidedToAServerGroupsAPlanAndAnAddressSkippingEmailAndPayments(FxRobot robot) {
    robot.interact(window::offerSetupGuide);

    assertThat(text(robot, "#guide-counter")).isEqualTo("Step 1 of 6");
    assertThat(text(robot, "#guide-title")).isEqualTo("Connect your first server");
    robot.clickOn("#guide-next");
    assertThat(text(robot, "#guide-status")).isEqualTo("Link a server first, or skip this step.");

    robot.clickOn("#guide-jellyfin");
    robot.clickOn("#server-name").write("Den");
    robot.clickOn("#server-url").write("http://den:8096");
    robot.clickOn("#server-key").write("k");
    robot.clickOn("#dialog-ok");
    assertThat(text(robot, "#guide-servers-linked"))
        .isEqualTo("Linked: Den (Jellyfin). Link another, or go on.");
    robot.clickOn("#guide-test");
    assertThat(text(robot, "#guide-status"))
        .isEqualTo("Connected: Jellyfin server Den answers as Fake, version 1.0.");
    robot.clickOn("#guide-next");

    assertThat(text(robot, "#guide-title")).isEqualTo("Put libraries into groups");
    long movies =
        usher.servers().libraries("Den").stream()
            .filter(l -> l.title().equals("Movies"))
            .findFirst()
            .orElseThrow()
            .id();
    ComboBox<String> group = robot.lookup("#guide-group-" + movies).queryComboBox();
    assertThat(group.getValue()).isEqualTo("Private");
    robot.interact(() -> group.setValue("Standard"));
    assertThat(text(robot, "#guide-status")).isEqualTo("Movies is now in Standard.");
    robot.clickOn("#guide-next");

    assertThat(text(robot, "#guide-title")).isEqualTo("Your default plan");
    robot.clickOn("#guide-next");

    assertThat(text(robot, "#guide-title")).isEqualTo("Email (optional)");
    robot.clickOn("#guide-skip");
    assertThat(text(robot, "#guide-title")).isEqualTo("Payments (optional)");
    robot.clickOn("#guide-skip");
    assertThat(text(robot, "#guide-title")).isEqualTo("The checkout's public address (optional)");
    assertThat(text(robot, "#guide-next")).isEqualTo("Finish");
    robot.clickOn("#guide-public-url").write("https://tv.example.com");
    robot.clickOn("#guide-next");

    assertThat(robot.lookup("#guide-title").tryQuery()).isEmpty();
    Plan plan = usher.plans().list().getFirst();
    assertThat(plan.spec().name()).isEqualTo("Monthly");
    assertThat(plan.spec().isDefault()).isTrue();
    assertThat(plan.spec().groups()).containsExactly("Standard");
    assertThat(usher.settings().value("checkout.public-url")).isEqualTo("https://tv.example.com");
    assertThat(usher.settings().guideSkipped())
        .containsExactlyInAnyOrder(GuideStep.MAIL, GuideStep.PAYMENTS);
    assertThat(
            robot.lookup("#dash-checklist .label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .filter(t -> t.startsWith("Skipped in the setup guide."))
                .toList())
        .hasSize(2);

    robot.interact(window::offerSetupGuide);
    assertThat(robot.lookup("#guide-title").tryQuery()).as("shown once").isEmpty();
  }

  @Test
  void closingTheGuideCountsWhatIsLeftAsSkippedAndTheDashboardOrSettingsOpensItAgain(
      FxRobot robot) {
    robot.interact(window::offerSetupGuide);
    robot.clickOn("#guide-close");

    assertThat(usher.settings().guideSkipped()).isEqualTo(EnumSet.allOf(GuideStep.class));
    robot.clickOn("#dash-guide");
    assertThat(text(robot, "#guide-counter")).isEqualTo("Step 1 of 6");
    robot.clickOn("#guide-close");
    robot.clickOn("#nav-settings").clickOn("#settings-guide");
    Node title = robot.lookup("#guide-title").query();
    assertThat(((Labeled) title).getText()).isEqualTo("Connect your first server");
    robot.clickOn("#guide-close");
  }

  @Test
  void theEmailStepSavesTheSettingsAndSendsTheTestMailThroughTheMailServer(FxRobot robot) {
    robot.interact(window::offerSetupGuide);
    robot.clickOn("#guide-skip").clickOn("#guide-skip").clickOn("#guide-skip");
    assertThat(text(robot, "#guide-title")).isEqualTo("Email (optional)");

    robot.clickOn("#guide-smtp-host").write("127.0.0.1");
    robot.doubleClickOn("#guide-smtp-port").write(Integer.toString(greenMail.getSmtp().getPort()));
    robot.doubleClickOn("#guide-smtp-security").write("none");
    robot.clickOn("#guide-smtp-from").write("usher@example.com");
    robot.clickOn("#guide-owner-email").write("owner@example.com");
    robot.clickOn("#guide-mail-test");

    assertThat(text(robot, "#guide-status"))
        .isEqualTo("Test mail sent. The mail server took the settings.");
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    robot.clickOn("#guide-next");
    assertThat(text(robot, "#guide-title")).isEqualTo("Payments (optional)");
    robot.clickOn("#guide-close");

    assertThat(usher.settings().guideSkipped())
        .isEqualTo(EnumSet.complementOf(EnumSet.of(GuideStep.MAIL)));
  }
}
