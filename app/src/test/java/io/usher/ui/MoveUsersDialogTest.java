package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Move users…" on the Servers screen: Ann and Bob on the Jellyfin server Den, Loft an Emby. */
@ExtendWith(ApplicationExtension.class)
class MoveUsersDialogTest {
  @TempDir static Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  FakeMediaServers.Fake loft;
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
  void annAndBobOnDen() {
    Fixtures.monthly(usher, "Monthly", "10");
    media.server("http://den:8096").library("f1", "Movies");
    loft = media.server("http://loft:8096").library("l1", "Films");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().addMediaBrowser(ServerKind.EMBY, "Loft", "http://loft:8096", "k");
    Fixtures.everyLibraryIn(usher, "Standard");
    for (String email : List.of("ann@example.com", "bob@example.com")) {
      usher.invites().invite(InviteRequest.of(email, "Monthly", "Den"));
    }
  }

  @AfterEach
  void close() {
    usher.close();
  }

  List<String> serversOf(String email) {
    return usher.queries().users().stream()
        .filter(u -> email.equals(u.email()))
        .findFirst()
        .orElseThrow()
        .servers();
  }

  String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  @Test
  void theOwnerPreviewsUntiksBobMovesAnnAndWatchesItFinish(FxRobot robot) throws Exception {
    robot.clickOn("#nav-servers");
    TableView<?> servers = robot.lookup("#servers-table").queryAs(TableView.class);
    robot.interact(() -> servers.getSelectionModel().select(0));
    robot.clickOn("#servers-move");
    ComboBox<String> to = robot.lookup("#move-to").queryComboBox();
    assertThat(to.getItems()).containsExactly("Loft");
    assertThat(text(robot, "#move-summary")).startsWith("2 of 2 users will move.");
    ListCell<?> bob =
        robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
            .filter(c -> c.getText() != null && c.getText().startsWith("bob@example.com"))
            .findFirst()
            .orElseThrow();
    assertThat(bob.getText())
        .isEqualTo("bob@example.com — new Emby account bob on Loft, password by mail; sees Films");

    robot.clickOn((CheckBox) bob.getGraphic());
    assertThat(text(robot, "#move-summary")).startsWith("1 of 2 users will move.");
    robot.clickOn("#dialog-ok");

    assertThat(text(robot, "#move-status")).isEqualTo("0 of 1 done (0 moved, 0 not moved)…");
    while (usher.outbox().runDue() > 0) {
      // the share on Loft, then leaving Den
    }
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () -> text(robot, "#move-status").startsWith("Finished: 1 moved, 0 not moved."));
    assertThat(robot.lookup("#move-cancel").queryButton().isDisabled()).isTrue();
    robot.interact(
        () ->
            NothingCutOffTest.save(
                robot.lookup("#move-status").query().getScene().snapshot(null),
                "dialog-move-progress-finished"));
    robot.clickOn("Close");

    assertThat(serversOf("ann@example.com")).containsExactly("Loft");
    assertThat(serversOf("bob@example.com")).containsExactly("Den");
    robot.clickOn("#servers-last-move");
    assertThat(text(robot, "#move-status")).isEqualTo("Finished: 1 moved, 0 not moved.");
    robot.clickOn("Close");
  }

  @Test
  void closingWhileTheMoveRunsLeavesItRunningAndSaysWhereTheReportGoes(FxRobot robot) {
    robot.clickOn("#nav-servers");
    TableView<?> servers = robot.lookup("#servers-table").queryAs(TableView.class);
    robot.interact(() -> servers.getSelectionModel().select(0));
    robot.clickOn("#servers-move").clickOn("#dialog-ok");
    robot.clickOn("Close");

    assertThat(text(robot, "#servers-message"))
        .isEqualTo(
            "Moving users from Den to Loft: the owner's email address gets the report when the"
                + " last user is done; Last move… shows it here.");
    while (usher.outbox().runDue() > 0) {
      // the window's outbox worker, in the application
    }
    assertThat(serversOf("ann@example.com")).containsExactly("Loft");
  }

  @Test
  void cancellingBeforeTheWorkerStartsLeavesEveryoneOnTheSource(FxRobot robot) throws Exception {
    robot.clickOn("#nav-servers");
    TableView<?> servers = robot.lookup("#servers-table").queryAs(TableView.class);
    robot.interact(() -> servers.getSelectionModel().select(0));
    robot.clickOn("#servers-move").clickOn("#dialog-ok");

    robot.clickOn("#move-cancel");
    usher.outbox().runDue();
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () ->
            text(robot, "#move-status").startsWith("Finished: 0 moved, 0 not moved, 2 cancelled."));
    robot.clickOn("Close");

    assertThat(loft.shared).isEmpty();
    assertThat(serversOf("ann@example.com")).containsExactly("Den");
    assertThat(serversOf("bob@example.com")).containsExactly("Den");
  }
}
