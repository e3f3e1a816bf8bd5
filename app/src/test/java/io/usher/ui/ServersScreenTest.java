package io.usher.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.RemoteUser;
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

/** Linking a server, grouping its libraries and syncing, through the window. */
@ExtendWith(ApplicationExtension.class)
class ServersScreenTest {
  @TempDir static Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  final List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
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
        .browser(opened::add)
        .show(stage);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void ownerLinksAJellyfinServerGroupsALibraryAndSyncsItsUsers(FxRobot robot) {
    Fixtures.monthly(usher, "Monthly", "10");
    media
        .server("http://den:8096")
        .library("f1", "Movies")
        .library("f2", "Home videos")
        .user(new RemoteUser("u1", "alice", null, null, List.of("f1"), false, false, null, null));

    robot.clickOn("#nav-servers").clickOn("#servers-add").clickOn("#servers-add-jellyfin");
    robot.clickOn("#server-name").write("Den");
    robot.clickOn("#server-url").write("http://den:8096");
    robot.clickOn("#server-key").write("secret-key");
    robot.clickOn("#dialog-ok");

    assertThat(table(robot, "#servers-table").getItems()).hasSize(1);
    assertThat(table(robot, "#libraries-table").getItems()).hasSize(2);
    long movies =
        usher.servers().libraries("Den").stream()
            .filter(l -> l.title().equals("Movies"))
            .findFirst()
            .orElseThrow()
            .id();
    ComboBox<String> group = robot.lookup("#group-" + movies).queryComboBox();
    robot.interact(() -> group.getSelectionModel().select("Standard"));
    assertThat(usher.servers().libraries("Den"))
        .filteredOn(l -> l.title().equals("Movies"))
        .singleElement()
        .satisfies(l -> assertThat(l.group()).isEqualTo("Standard"));

    robot.clickOn("#servers-sync");
    assertThat(robot.lookup("#servers-sync-status").queryAs(Label.class).getText())
        .isEqualTo("Sync: 1 new user.");
    robot.clickOn("#nav-users");
    assertThat(table(robot, "#users-table").getItems()).hasSize(1);
  }

  @Test
  void signInWithPlexOpensTheBrowserWaitsForTheTokenAndOffersTheAccountsServers(FxRobot robot) {
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    media.server("http://tower:32400").library("1", "Movies");
    media.signInWaits = 1;

    robot.clickOn("#nav-servers").clickOn("#servers-add").clickOn("#servers-add-plex");
    assertThat(shown(robot.lookup("#plex-token").query())).isFalse();
    robot.clickOn("#plex-sign-in");

    assertThat(opened).containsExactly("https://app.plex.test/auth#?code=code7");
    assertThat(robot.lookup("#plex-sign-in-status").queryAs(Label.class).getText())
        .isEqualTo("Signed in to Plex: 1 server found.");
    assertThat(shown(robot.lookup("#plex-sign-in-waiting").query())).isFalse();
    robot.clickOn("#dialog-ok");

    assertThat(usher.servers().list())
        .singleElement()
        .satisfies(row -> assertThat(row.server().name()).isEqualTo("Tower"));
  }

  @Test
  void anExpiredSignInIsExplainedAndTheOwnerCanPasteATokenInstead(FxRobot robot) {
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    media.server("http://tower:32400").library("1", "Movies");
    media.signInToken = null;

    robot.clickOn("#nav-servers").clickOn("#servers-add").clickOn("#servers-add-plex");
    robot.clickOn("#plex-sign-in");
    assertThat(robot.lookup(".form-general-error").queryAs(Label.class).getText())
        .isEqualTo("The Plex sign-in code expired before it was confirmed: start again.");
    assertThat(robot.lookup("#plex-sign-in").query().isDisabled()).isFalse();

    robot.clickOn("#plex-advanced");
    robot.clickOn("#plex-token").write("good-token");
    robot.clickOn("#plex-find").clickOn("#dialog-ok");
    assertThat(usher.servers().list()).hasSize(1);
  }

  @Test
  void aServerThatDoesNotAnswerIsExplainedInTheDialogAndNothingIsLinked(FxRobot robot) {
    robot.clickOn("#nav-servers").clickOn("#servers-add").clickOn("#servers-add-emby");
    robot.clickOn("#server-name").write("Attic");
    robot.clickOn("#server-url").write("http://nowhere:8096");
    robot.clickOn("#server-key").write("k");
    robot.clickOn("#dialog-ok");

    assertThat(robot.lookup(".form-general-error").queryAs(Label.class).getText())
        .isEqualTo("Attic did not answer at http://nowhere:8096.");
    robot.clickOn("Cancel");
    assertThat(usher.servers().list()).isEmpty();
  }

  @Test
  void testConnectionShowsTheServersOwnAnswer(FxRobot robot) {
    media.server("http://den:8096").library("f1", "Movies");
    usher
        .servers()
        .addMediaBrowser(io.usher.domain.media.ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    robot.clickOn("#nav-servers");
    robot.clickOn("Den").clickOn("#servers-test");
    assertThat(robot.lookup("#servers-message").queryAs(Label.class).getText())
        .isEqualTo("Connected: Jellyfin server Den answers as Fake, version 1.0.");

    media.server("http://den:8096").failTest =
        new MediaServerException(
            MediaServerException.Kind.UNAUTHORIZED, "Den refused the API key.");
    robot.clickOn("#servers-test");
    assertThat(robot.lookup("#servers-error").queryAs(Label.class).getText())
        .isEqualTo("Den refused the API key.");
  }

  /** Visible itself and inside visible parents, as the owner would see it. */
  private static boolean shown(javafx.scene.Node node) {
    for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static TableView<?> table(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(TableView.class);
  }
}
