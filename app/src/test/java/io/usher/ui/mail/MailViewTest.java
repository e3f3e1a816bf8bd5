package io.usher.ui.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.app.AppContext;
import io.usher.domain.notify.MailEvent;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Theme;
import io.usher.ui.kit.UiTasks;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Mail screen on a real ledger, sending through a real SMTP server (GreenMail). */
@ExtendWith(ApplicationExtension.class)
class MailViewTest {
  // Started once for the class, so its port is known when the window is built.
  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  @TempDir static Path dataDir;
  AppContext usher;

  @Start
  void start(Stage stage) throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
    usher =
        new AppContext(
            dataDir.resolve("t" + System.nanoTime()),
            new MutableClock(Instant.parse("2026-11-22T10:00:00Z")));
    usher.settings().set("smtp.host", "127.0.0.1");
    usher.settings().set("smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    usher.settings().set("smtp.security", "none");
    usher.settings().set("smtp.password", "kept-secret-123");
    usher.settings().set("smtp.from", "usher@example.com");
    usher.settings().set("owner.email", "owner@example.com");
    UiTasks tasks = new UiTasks(Runnable::run, Runnable::run);
    MailView view =
        new MailView(new MailViewModel(usher.mail(), usher.settings(), usher.tests(), tasks));
    Theme.apply(Theme.LIGHT);
    Scene scene = new Scene((javafx.scene.Parent) view.node(), 1100, 720);
    scene.getStylesheets().addAll(Theme.stylesheets());
    stage.setScene(scene);
    stage.show();
    view.refresh();
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void ownerEditsASubjectSeesThePreviewFollowAndSavesIt(FxRobot robot) {
    robot.clickOn("#mail-tab-templates");
    robot.clickOn(MailEvent.WELCOME_ACCOUNT.label());
    assertThat(text(robot, "#mail-preview-subject")).isEqualTo("Your Tower account is ready");

    robot.clickOn("#mail-subject").push(KeyCode.CONTROL, KeyCode.A).write("Hello {name}, {plan}");

    assertThat(text(robot, "#mail-preview-subject")).isEqualTo("Hello Alex Example, Monthly");
    robot.clickOn("#mail-save-template");
    assertThat(usher.mail().template(MailEvent.WELCOME_ACCOUNT).subject())
        .isEqualTo("Hello {name}, {plan}");
    assertThat(text(robot, "#mail-template-verdict")).startsWith("Saved");

    robot.clickOn("#mail-reset-template");
    assertThat(text(robot, "#mail-preview-subject")).isEqualTo("Your Tower account is ready");
    assertThat(usher.mail().customised(MailEvent.WELCOME_ACCOUNT)).isFalse();
  }

  @Test
  void anEmptySubjectIsExplainedBesideTheField(FxRobot robot) {
    robot.clickOn("#mail-tab-templates");
    robot.clickOn("#mail-subject").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
    robot.clickOn("#mail-save-template");

    assertThat(text(robot, "#error-subject")).isEqualTo("The subject cannot be empty.");
    assertThat(usher.mail().customised(MailEvent.WELCOME_PLEX)).isFalse();
  }

  @Test
  void sendTestEmailGoesToTheOwnerAndSaysSoKeepingTheStoredPassword(FxRobot robot) {
    assertThat(robot.lookup("#mail-host").queryTextInputControl().getText()).isEqualTo("127.0.0.1");

    robot.clickOn("#mail-send-test");

    assertThat(text(robot, "#mail-smtp-verdict"))
        .isEqualTo("Test email sent to owner@example.com.");
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(usher.settings().value("smtp.password")).isEqualTo("kept-secret-123");
  }

  @Test
  void aFailedTestShowsTheSentence(FxRobot robot) {
    robot.doubleClickOn("#mail-host").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);

    robot.clickOn("#mail-send-test");

    assertThat(text(robot, "#mail-smtp-verdict"))
        .isEqualTo("Set smtp.host (and smtp.from) in Settings before Usher can send mail.");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }
}
