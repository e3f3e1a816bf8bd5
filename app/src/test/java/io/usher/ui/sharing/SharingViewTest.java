package io.usher.ui.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.application.sharing.SharingService;
import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.ServerKind;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.outbox.Payload;
import io.usher.domain.servers.Library;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.ui.kit.Formats;
import io.usher.ui.kit.Theme;
import io.usher.ui.kit.UiTasks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Sharing screen on a real ledger after two enforcement passes: alice watches on two screens at
 * once from two networks (within her plan's two streams, so nothing was stopped), bob on one.
 */
@ExtendWith(ApplicationExtension.class)
class SharingViewTest {
  @TempDir static Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  AppContext usher;

  @Start
  void start(Stage stage) {
    FakeMediaServers media = new FakeMediaServers();
    usher = new AppContext(dataDir.resolve("t" + System.nanoTime()), clock, s -> media);
    Fixtures.monthly(usher, "Monthly", "10");
    FakeMediaServers.Fake den = media.server("http://den:8096").library("f1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    Library movies = usher.servers().libraries("Den").getFirst();
    usher.servers().setGroup(movies.id(), "Standard");
    usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Den"));
    usher.invites().invite(InviteRequest.of("bob@example.com", "Monthly", "Den"));
    den.stream(
        new ActiveStream(
            "a1", "acct-1", "alice", "Roku", "198.51.100.7", "copy", "1080", "Pilot", false))
        .stream(
            new ActiveStream(
                "a2", "acct-1", "alice", "iPhone", "203.0.113.9", "copy", "1080", "Heat", false))
        .stream(
            new ActiveStream(
                "b1", "acct-2", "bob", "Firefox", "192.0.2.4", "copy", "1080", "Heat", false));
    usher.jobs().run("enforce", false);
    clock.advance(Duration.ofMinutes(5));
    usher.jobs().run("enforce", false);

    UiTasks tasks = new UiTasks(Runnable::run, Runnable::run);
    SharingView view =
        new SharingView(
            new SharingViewModel(usher.sharing(), usher.accessActions(), tasks),
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
  void theUserWatchingFromTwoNetworksAtOnceIsListedAndCanBeWarnedOnceThenSetAside(FxRobot robot) {
    TableView<SharingService.Row> table = robot.lookup("#sharing-table").queryTableView();
    assertThat(table.getItems())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.email()).isEqualTo("alice@example.com");
              assertThat(r.suspect().evidence().getFirst())
                  .startsWith("1 time watching from two networks at once");
            });
    assertThat(robot.lookup("#sharing-count").queryAs(Label.class).getText())
        .isEqualTo("1 user from 3 streams seen in the last 30 days");
    assertThat(robot.lookup("#sharing-warn").queryButton().isDisabled()).isTrue();

    robot.clickOn("alice@example.com");
    TableView<SharingService.Seen> streams = robot.lookup("#sharing-streams").queryTableView();
    assertThat(streams.getItems())
        .extracting(SharingService.Seen::device, SharingService.Seen::address)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Roku", "198.51.100.7"),
            org.assertj.core.groups.Tuple.tuple("iPhone", "203.0.113.9"));
    assertThat(robot.lookup("#sharing-evidence").queryAs(Label.class).getText())
        .startsWith("alice@example.com: 1 time watching from two networks at once");
    robot.clickOn("#sharing-warn");
    WaitForAsyncUtils.waitForFxEvents();

    List<Map<String, String>> mails =
        usher.outbox().pending().stream()
            .filter(i -> i.kind().equals("mail"))
            .map(i -> Payload.decode(i.payload()))
            .filter(m -> MailEvent.SHARING_WARNING.name().equals(m.get("event")))
            .toList();
    assertThat(mails)
        .singleElement()
        .satisfies(m -> assertThat(m.get("to")).isEqualTo("alice@example.com"));
    assertThat(robot.lookup("#sharing-notice").queryAs(Label.class).getText())
        .startsWith("Warned alice@example.com");
    assertThat(table.getItems().getFirst().warnedAt()).isEqualTo(clock.instant());

    robot.clickOn("alice@example.com");
    robot.clickOn("#sharing-ignore");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(table.getItems()).isEmpty();
    assertThat(robot.lookup("No sign of sharing").tryQuery()).isPresent();
  }
}
