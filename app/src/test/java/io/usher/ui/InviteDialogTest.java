package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.ServerKind;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.shell.MainWindow;
import java.nio.file.Path;
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

/** The invite dialog on the Users screen, against an in-memory Jellyfin server. */
@ExtendWith(ApplicationExtension.class)
class InviteDialogTest {
  @TempDir static Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  FakeMediaServers.Fake den;
  AppContext usher;

  @Start
  void start(Stage stage) {
    usher =
        new AppContext(
            dataDir.resolve("t" + System.nanoTime()),
            new MutableClock(Instant.parse("2026-11-22T10:00:00Z")),
            settings -> media);
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
    Fixtures.monthly(usher, "Monthly", "10");
    den = media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().setGroup(usher.servers().libraries("Den").getFirst().id(), "Standard");
  }

  @AfterEach
  void close() {
    usher.close();
  }

  void invite(FxRobot robot, String email) {
    robot.clickOn("#nav-users").clickOn("#users-invite");
    robot.clickOn("#invite-email").write(email);
    ComboBox<String> plan = robot.lookup("#invite-plan").queryComboBox();
    robot.interact(() -> plan.getSelectionModel().select("Monthly"));
    robot.clickOn("#dialog-ok");
  }

  @Test
  void ownerInvitesAUserWhoIsThenActiveOnTheChosenServer(FxRobot robot) {
    invite(robot, "alice@example.com");

    assertThat(robot.lookup("#users-notice").queryAs(Label.class).getText())
        .isEqualTo("Invited alice to Jellyfin server Den until 22 Dec 2026.");
    assertThat(usher.queries().users())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.status()).isEqualTo(UserStatus.ACTIVE);
              assertThat(u.servers()).containsExactly("Den");
            });
    assertThat(den.shared)
        .singleElement()
        .satisfies(r -> assertThat(r.libraryIds()).containsExactly("f1"));
  }

  @Test
  void anUnreachableServerLeavesTheInvitePendingWithItsReason(FxRobot robot) {
    den.failShares.add(
        new MediaServerException(MediaServerException.Kind.UNREACHABLE, "Den did not answer."));

    invite(robot, "bob@example.com");

    assertThat(robot.lookup("#users-notice").queryAs(Label.class).getText())
        .startsWith("Invite pending for bob: Den did not answer.");
    assertThat(robot.lookup("#user-invite-pending").tryQuery()).isPresent();
  }

  @Test
  void aBadEmailIsExplainedBesideTheFieldAndNothingIsShared(FxRobot robot) {
    invite(robot, "not-an-email");

    assertThat(robot.lookup("#error-email").queryAs(Label.class).getText())
        .isEqualTo("'not-an-email' is not a valid email address.");
    robot.clickOn("Cancel");
    assertThat(den.shared).isEmpty();
    assertThat(usher.queries().users()).isEmpty();
  }
}
