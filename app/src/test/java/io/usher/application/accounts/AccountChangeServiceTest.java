package io.usher.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.application.invites.InviteRequest;
import io.usher.application.sync.SyncProgress;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.users.User;
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

/** Moving a user to a new Plex account (seed 004) on a real ledger with an in-memory Plex. */
class AccountChangeServiceTest {
  @TempDir Path dataDir;
  final FakeMediaServers media = new FakeMediaServers();
  FakeMediaServers.Fake tower;
  AppContext usher;

  @BeforeEach
  void open() {
    usher =
        new AppContext(
            dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")), s -> media);
    Fixtures.monthly(usher, "Monthly", "10");
    tower = media.server("http://tower:32400").library("118181361", "Movies");
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1"));
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    usher.servers().setGroup(usher.servers().libraries("Tower").getFirst().id(), "Standard");
    usher.invites().invite(InviteRequest.of("old@example.com", "Monthly", "Tower"));
  }

  @AfterEach
  void close() {
    usher.close();
  }

  @Test
  void theNewAccountIsInvitedTheOldShareRemovedAndThePaymentsFollow() {
    User before = usher.users().byEmail("old@example.com");
    usher.accounts().requireChange(List.of(before.id()), true);

    AccountChangeService.Moved moved =
        usher.accounts().change("old@example.com", "new@example.com");

    assertThat(moved.leftovers()).isEmpty();
    assertThat(moved.sentence())
        .isEqualTo(
            "Moved old@example.com to new@example.com: new@example.com is invited on Plex server"
                + " Tower and the old account's share is removed.");
    assertThat(tower.shared)
        .extracting(r -> r.email())
        .containsExactly("old@example.com", "new@example.com");
    assertThat(tower.shared.get(1).libraryIds()).containsExactly("118181361");
    assertThat(tower.removed)
        .singleElement()
        .satisfies(r -> assertThat(r.email()).isEqualTo("old@example.com"));
    User after = usher.users().byEmail("new@example.com");
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.spec().mustChangeAccount()).isFalse();
    assertThat(usher.payments().forUser(after.id())).hasSize(1);
  }

  @Test
  void aRefusalOnTheSecondServerTakesBackTheFirstInviteAndChangesNothing() {
    FakeMediaServers.Fake den = media.server("http://den:32400").library("7", "Shows");
    media.plexServers.add(new PlexServerChoice("Den", "def456", "http://den:32400", "1"));
    usher.servers().addPlex("good-token", null, "def456", null, null);
    usher.servers().setGroup(usher.servers().libraries("Den").getFirst().id(), "Standard");
    usher.invites().invite(InviteRequest.of("old@example.com", "Monthly", "Den"));
    assertThat(usher.queries().users().getFirst().servers())
        .containsExactlyInAnyOrder("Tower", "Den");
    den.failShares.add(
        new MediaServerException(MediaServerException.Kind.UNREACHABLE, "Den is not answering"));

    assertThatThrownBy(() -> usher.accounts().change("old@example.com", "new@example.com"))
        .hasMessageContaining("Den is not answering");

    assertThat(tower.removed)
        .as("tower shared %s, den shared %s", tower.shared, den.shared)
        .singleElement()
        .satisfies(r -> assertThat(r.email()).isEqualTo("new@example.com"));
    assertThat(den.removed).isEmpty();
    assertThat(usher.users().byEmail("old@example.com")).isNotNull();
    assertThat(usher.queries().users().getFirst().servers())
        .containsExactlyInAnyOrder("Tower", "Den");
  }

  @Test
  void anEmailPlexDoesNotKnowChangesNothing() {
    tower.failShares.add(
        new MediaServerException(MediaServerException.Kind.INVALID_ACCOUNT, "not a Plex user"));

    assertThatThrownBy(() -> usher.accounts().change("old@example.com", "nobody@example.com"))
        .hasMessage(
            "Plex does not know nobody@example.com as an account: ask the user for the email of their new Plex account.");
    assertThat(usher.users().byEmail("old@example.com")).isNotNull();
    assertThat(tower.removed).isEmpty();
  }

  /** Seed 004: the user lost their Plex share (banned account) but still has paid time. */
  @Test
  void aPaidUserOnNoPlexServerIsInvitedUnderTheNewAccountWhereThePlanFits() {
    User before = usher.users().byEmail("old@example.com");
    dropShares(before.id());

    AccountChangeService.Moved moved =
        usher.accounts().change("old@example.com", "new@example.com");

    assertThat(moved.sentence())
        .isEqualTo(
            "Moved old@example.com to new@example.com: it had no Plex share, so new@example.com"
                + " is invited on Plex server Tower for plan Monthly.");
    assertThat(tower.shared)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.email()).isEqualTo("new@example.com");
              assertThat(r.libraryIds()).containsExactly("118181361");
            });
    assertThat(usher.queries().users().getFirst().servers()).containsExactly("Tower");
    assertThat(usher.users().byEmail("new@example.com").id()).isEqualTo(before.id());
  }

  @Test
  void onNoPlexServerAnEmailPlexDoesNotKnowChangesNothing() {
    dropShares(usher.users().byEmail("old@example.com").id());
    tower.failShares.add(
        new MediaServerException(MediaServerException.Kind.INVALID_ACCOUNT, "not a Plex user"));

    assertThatThrownBy(() -> usher.accounts().change("old@example.com", "nobody@example.com"))
        .hasMessageStartingWith("Plex does not know nobody@example.com as an account");
    assertThat(usher.users().byEmail("old@example.com")).isNotNull();
  }

  @Test
  void aUserWithNoPaidTimeIsRenamedAndToldNoInviteWasSent() {
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("lapsed@example.com"));
    int before = tower.shared.size();

    AccountChangeService.Moved moved =
        usher.accounts().change("lapsed@example.com", "fresh@example.com");

    assertThat(moved.sentence())
        .isEqualTo(
            "Moved lapsed@example.com to fresh@example.com. No invite was sent: the user has no"
                + " paid time now, so the new account is invited when they pay.");
    assertThat(tower.shared).hasSize(before);
    assertThat(usher.users().byEmail("fresh@example.com")).isNotNull();
  }

  /** Plex removed the banned account; the sync finds the share gone. */
  private void dropShares(long userId) {
    tower.users.clear();
    tower.shared.clear();
    usher.sync().run(null, SyncProgress.NONE);
    assertThat(usher.queries().users().stream().filter(u -> u.id() == userId).findFirst())
        .hasValueSatisfying(u -> assertThat(u.servers()).isEmpty());
  }

  @Test
  void tagsManyUsersAtOnce() {
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("b@example.com"));
    List<Long> ids = usher.queries().users().stream().map(u -> u.id()).toList();

    assertThat(usher.accounts().requireChange(ids, true)).isEqualTo(2);
    assertThat(usher.queries().users()).allSatisfy(u -> assertThat(u.mustChangeAccount()).isTrue());
    assertThat(usher.accounts().requireChange(ids, true)).isZero();
  }
}
