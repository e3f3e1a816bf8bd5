package io.usher.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.domain.enforce.ActivityEntry;
import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.ServerKind;
import io.usher.domain.servers.Library;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Theme;
import io.usher.ui.kit.UiTasks;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.Scene;
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

/** The Activity screen on a real ledger after an enforcement run: it lists and filters the log. */
@ExtendWith(ApplicationExtension.class)
class ActivityViewTest {
  @TempDir static Path dataDir;
  AppContext usher;

  @Start
  void start(Stage stage) {
    FakeMediaServers media = new FakeMediaServers();
    usher =
        new AppContext(
            dataDir.resolve("t" + System.nanoTime()),
            new MutableClock(Instant.parse("2026-11-22T10:00:00Z")),
            s -> media);
    Fixtures.monthly(usher, "Monthly", "10"); // 2 streams at once
    FakeMediaServers.Fake den = media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    Library movies = usher.servers().libraries("Den").getFirst();
    usher.servers().setGroup(movies.id(), "Standard");
    usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Den"));
    usher.invites().invite(InviteRequest.of("bob@example.com", "Monthly", "Den"));
    for (String s : new String[] {"a1", "a2", "a3"}) {
      den.stream(
          new ActiveStream(
              s, "acct-1", "alice", "Roku", "198.51.100.7", "copy", "1080", "Pilot", false));
    }
    for (String s : new String[] {"b1", "b2", "b3", "b4"}) {
      den.stream(
          new ActiveStream(
              s, "acct-2", "bob", "Firefox", "203.0.113.9", "copy", "1080", "Heat", false));
    }
    usher.jobs().run("enforce", false);

    UiTasks tasks = new UiTasks(Runnable::run, Runnable::run);
    ActivityView view =
        new ActivityView(
            new ActivityViewModel(usher.activity(), tasks),
            new Formats(ZoneOffset.UTC, java.time.Clock.systemUTC()));
    Theme.apply(Theme.LIGHT);
    Scene scene = new Scene((javafx.scene.Parent) view.node(), 1200, 720);
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
  void listsEverythingEnforcementDidAndFiltersByAnyColumn(FxRobot robot) {
    TableView<ActivityEntry> table = robot.lookup("#activity-table").queryTableView();
    assertThat(table.getItems())
        .extracting(ActivityEntry::sessionId)
        .containsOnly("a3", "b3", "b4");
    assertThat(robot.lookup("#activity-count").queryAs(Label.class).getText())
        .isEqualTo("3 entries");
    assertThat(robot.lookup("2026-11-22 10:00").tryQuery()).isPresent();
    assertThat(cells(robot, "Too many streams")).hasSize(3);

    robot.clickOn("#activity-filter").write("203.0.113");

    assertThat(table.getItems()).extracting(ActivityEntry::sessionId).containsOnly("b3", "b4");
    assertThat(robot.lookup("#activity-count").queryAs(Label.class).getText())
        .isEqualTo("2 entries");
    assertThat(cells(robot, "bob@example.com")).hasSize(2);
  }

  /** The table's cells that read {@code text} in full. */
  private static java.util.Set<javafx.scene.Node> cells(FxRobot robot, String text) {
    return robot
        .lookup(
            (javafx.scene.Node n) ->
                n instanceof javafx.scene.control.TableCell<?, ?> cell
                    && text.equals(cell.getText()))
        .queryAll();
  }
}
