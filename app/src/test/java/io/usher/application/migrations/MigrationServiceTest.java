package io.usher.application.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerKind;
import io.usher.domain.migrations.Migration;
import io.usher.domain.migrations.Move;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving users between servers on a real ledger, the servers in memory: three customers on the
 * Jellyfin server Den move to the Plex server Tower or the Emby server Loft.
 */
class MigrationServiceTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final List<String> EMAILS =
      List.of("ann@example.com", "bob@example.com", "cat@example.com");

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  FakeMediaServers.Fake den;
  FakeMediaServers.Fake tower;
  FakeMediaServers.Fake loft;

  @BeforeEach
  void threeCustomersOnDen() {
    den = media.server("http://den:8096").library("d1", "Movies");
    loft = media.server("http://loft:8096").library("l1", "Films").library("l2", "Kids");
    tower = media.server("http://tower:32400").library("1", "Movies");
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    open();
    usher.settings().set("owner.email", "owner@example.com");
    Fixtures.monthly(usher, "Monthly", "10");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher.servers().addMediaBrowser(ServerKind.EMBY, "Loft", "http://loft:8096", "k");
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    usher.servers().libraries(null).stream()
        .filter(l -> !l.title().equals("Kids"))
        .forEach(l -> usher.servers().setGroup(l.id(), "Standard"));
    EMAILS.forEach(e -> usher.invites().invite(InviteRequest.of(e, "Monthly", "Den")));
    drain();
    den.removed.clear();
  }

  void open() {
    usher = open(dataDir);
  }

  @AfterEach
  void close() {
    usher.close();
  }

  void drain() {
    while (usher.outbox().runDue() > 0) {
      // each pass takes the steps its predecessor queued
    }
  }

  /** The servers the ledger has the user shared on now. */
  List<String> serversOf(String email) {
    return usher.queries().users().stream()
        .filter(u -> email.equals(u.email()))
        .findFirst()
        .orElseThrow()
        .servers();
  }

  @Test
  void thePreviewSaysPerUserWhatTheMoveWillMakeAndChangesNothing() {
    List<Move> preview = usher.migrations().preview("Den", "Tower", List.of());

    assertThat(preview)
        .extracting(Move::who, Move::state, Move::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ann@example.com",
                Move.State.WAITING,
                "invited to Plex on Tower as ann@example.com; sees Movies"),
            org.assertj.core.groups.Tuple.tuple(
                "bob@example.com",
                Move.State.WAITING,
                "invited to Plex on Tower as bob@example.com; sees Movies"),
            org.assertj.core.groups.Tuple.tuple(
                "cat@example.com",
                Move.State.WAITING,
                "invited to Plex on Tower as cat@example.com; sees Movies"));
    assertThat(tower.shared).isEmpty();
    assertThat(usher.migrations().recent()).isEmpty();
    EMAILS.forEach(e -> assertThat(serversOf(e)).containsExactly("Den"));
  }

  @Test
  void everyoneMovesToTheTargetFirstThenLeavesTheSourceWithEveryPaymentKept() {
    int payments = usher.queries().payments(PaymentFilter.ALL).size();

    Migration started = usher.migrations().start("Den", "Loft", List.of());
    drain();

    Migration m = usher.migrations().byId(started.id()).orElseThrow();
    assertThat(m.done()).isTrue();
    assertThat(m.moves())
        .allSatisfy(
            move -> {
              assertThat(move.state()).isEqualTo(Move.State.MOVED);
              assertThat(move.detail()).startsWith("shared on Loft as ").endsWith("; left Den");
            });
    // The Jellyfin names are kept on the Emby server; Kids is in no group of the plan.
    assertThat(loft.shared)
        .extracting(r -> r.username() + " " + r.libraryIds())
        .containsExactlyInAnyOrder("ann [l1]", "bob [l1]", "cat [l1]");
    assertThat(den.removed).hasSize(3);
    EMAILS.forEach(e -> assertThat(serversOf(e)).containsExactly("Loft"));
    assertThat(usher.queries().payments(PaymentFilter.ALL)).hasSize(payments);
    assertThat(MigrationService.report(m))
        .startsWith("Moving users from Den to Loft finished: 3 moved, 0 not moved.")
        .contains("- ann@example.com: moved, shared on Loft as ann; left Den");
  }

  @Test
  void aPlexUserMovedToJellyfinGetsAnAccountNamedFromTheirEmailAndLeavesPlex() {
    usher.invites().invite(InviteRequest.of("dan@example.com", "Monthly", "Tower"));
    drain();

    List<Move> preview = usher.migrations().preview("Tower", "Den", List.of());
    assertThat(preview)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.detail())
                    .isEqualTo("new Jellyfin account dan on Den, password by mail; sees Movies"));
    usher.migrations().start("Tower", "Den", List.of());
    drain();

    assertThat(den.shared)
        .filteredOn(r -> "dan@example.com".equals(r.email()))
        .singleElement()
        .satisfies(r -> assertThat(r.username()).isEqualTo("dan"));
    assertThat(tower.removed).extracting(r -> r.email()).containsExactly("dan@example.com");
    assertThat(serversOf("dan@example.com")).containsExactly("Den");
  }

  @Test
  void aTargetFailingMidwayLeavesEachUserMovedOrClearlyNotNeverOnNeitherNeverInvitedTwice() {
    tower.duringShare =
        () -> {
          if (tower.shared.size() == 1) {
            tower.failShares.add(
                new MediaServerException(Kind.UNREACHABLE, "Tower did not answer."));
          }
        };

    Migration first = usher.migrations().start("Den", "Tower", List.of());
    drain();

    Migration m = usher.migrations().byId(first.id()).orElseThrow();
    assertThat(m.done()).isTrue();
    assertThat(m.count(Move.State.MOVED)).isEqualTo(2);
    Move failed =
        m.moves().stream().filter(x -> x.state() == Move.State.NOT_MOVED).findFirst().orElseThrow();
    assertThat(failed.detail()).isEqualTo("Tower refused: Tower did not answer. Still on Den.");
    for (String email : EMAILS) {
      assertThat(serversOf(email))
          .as(email)
          .containsExactly(email.equals(failed.who()) ? "Den" : "Tower");
    }

    Migration again =
        usher.migrations().start("Den", "Tower", List.of(usher.users().find(failed.who()).id()));
    drain();

    assertThat(usher.migrations().byId(again.id()).orElseThrow().count(Move.State.MOVED))
        .isEqualTo(1);
    EMAILS.forEach(e -> assertThat(serversOf(e)).containsExactly("Tower"));
    assertThat(tower.shared).extracting(r -> r.email()).containsExactlyInAnyOrderElementsOf(EMAILS);
  }

  @Test
  void aMoveStoppedBetweenItsStepsGoesOnAfterARestartWithoutInvitingAgain() {
    Migration started = usher.migrations().start("Den", "Tower", List.of());
    usher.outbox().runDue();
    assertThat(usher.migrations().byId(started.id()).orElseThrow().count(Move.State.ON_TARGET))
        .isEqualTo(3);
    EMAILS.forEach(e -> assertThat(serversOf(e)).containsExactlyInAnyOrder("Den", "Tower"));

    usher.close();
    open();
    drain();

    assertThat(usher.migrations().byId(started.id()).orElseThrow().count(Move.State.MOVED))
        .isEqualTo(3);
    assertThat(tower.shared).hasSize(3);
    assertThat(den.removed).hasSize(3);
    EMAILS.forEach(e -> assertThat(serversOf(e)).containsExactly("Tower"));
  }

  @Test
  void aSourceThatCannotBeReachedKeepsItsShareRecordedAndTheReportSaysSo() {
    den.failRemoves = new MediaServerException(Kind.UNREACHABLE, "Den did not answer.");

    Migration started =
        usher
            .migrations()
            .start("Den", "Loft", List.of(usher.users().find("ann@example.com").id()));
    drain();

    Move move = usher.migrations().byId(started.id()).orElseThrow().moves().getFirst();
    assertThat(move.state()).isEqualTo(Move.State.MOVED);
    assertThat(move.detail())
        .isEqualTo(
            "shared on Loft as ann; still shared on Den (Den did not answer.): use Remove access"
                + " there when it answers");
    assertThat(serversOf("ann@example.com")).containsExactlyInAnyOrder("Den", "Loft");
  }

  @Test
  void usersWhoCannotMoveAreReportedWithTheReasonAndStayOnTheSource() {
    usher
        .servers()
        .update(
            "Loft",
            new io.usher.domain.servers.ServerSettings(null, true, true, true, false, 1, true));

    List<Move> preview = usher.migrations().preview("Den", "Loft", List.of());

    assertThat(preview)
        .extracting(Move::state)
        .containsExactly(Move.State.WAITING, Move.State.NOT_MOVED, Move.State.NOT_MOVED);
    assertThat(preview.get(1).detail()).isEqualTo("Loft is full (1 users): raise its capacity");

    Migration m = usher.migrations().start("Den", "Loft", List.of());
    drain();

    m = usher.migrations().byId(m.id()).orElseThrow();
    assertThat(m.count(Move.State.MOVED)).isEqualTo(1);
    assertThat(m.count(Move.State.NOT_MOVED)).isEqualTo(2);
    assertThat(serversOf("bob@example.com")).containsExactly("Den");
    assertThat(serversOf("cat@example.com")).containsExactly("Den");
  }

  @Test
  void aPlanWhoseGroupsTheTargetLacksKeepsItsUsersWhereTheyAre() {
    usher.servers().libraries("Loft").forEach(l -> usher.servers().setGroup(l.id(), "Private"));

    List<Move> preview = usher.migrations().preview("Den", "Loft", List.of());

    assertThat(preview)
        .allSatisfy(
            m -> {
              assertThat(m.state()).isEqualTo(Move.State.NOT_MOVED);
              assertThat(m.detail())
                  .isEqualTo(
                      "plan Monthly grants no library on Loft: put a library there in Standard");
            });
  }

  @Test
  void aUserInAMoveNotFinishedYetIsNotPutInASecondOne() {
    usher.migrations().start("Den", "Loft", List.of(usher.users().find("ann@example.com").id()));

    List<Move> preview = usher.migrations().preview("Den", "Tower", List.of());

    assertThat(preview.getFirst().who()).isEqualTo("ann@example.com");
    assertThat(preview.getFirst().detail()).isEqualTo("is in a move that has not finished yet");
    assertThat(preview)
        .extracting(Move::state)
        .containsExactly(Move.State.NOT_MOVED, Move.State.WAITING, Move.State.WAITING);
  }

  @Test
  void cancellingBeforeTheOutboxRunsLeavesEveryoneOnTheSource() {
    Migration started = usher.migrations().start("Den", "Loft", List.of());
    usher.migrations().cancel(started.id());
    drain();

    Migration m = usher.migrations().byId(started.id()).orElseThrow();
    assertThat(m.done()).isTrue();
    assertThat(m.count(Move.State.CANCELLED)).isEqualTo(3);
    assertThat(loft.shared).isEmpty();
    EMAILS.forEach(e -> assertThat(serversOf(e)).containsExactly("Den"));
  }

  @Test
  void aMoveToTheSameServerOrAnUnknownOneIsRefusedWithTheField() {
    assertThatThrownBy(() -> usher.migrations().start("Den", "Den", List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Choose another server to move to than the one moved from.");
    assertThatThrownBy(() -> usher.migrations().preview("Den", "Attic", List.of()))
        .hasMessage("There is no server named 'Attic'.");
    assertThat(usher.migrations().recent()).isEmpty();
  }

  /** The ledger the test works on; the PostgreSQL run of this suite opens its own there. */
  protected AppContext open(Path dataDir) {
    return new AppContext(dataDir, null, clock, s -> media);
  }
}
