package io.usher.application.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerKind;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync end to end on a real H2 ledger, with in-memory servers answering. */
class SyncServiceTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  FakeMediaServers.Fake den;

  @BeforeEach
  void open() {
    usher = new AppContext(dataDir, clock, settings -> media);
    den = media.server("http://den:8096").library("f1", "Movies").library("f2", "Shows");
  }

  @AfterEach
  void close() {
    usher.close();
  }

  void linkDen() {
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "key");
  }

  static RemoteUser remote(String id, String name, String email, String... libraries) {
    return new RemoteUser(id, name, email, null, List.of(libraries), false, false, null, null);
  }

  @Test
  void firstSyncImportsEveryoneAsStandardWithADefaultPaymentAndTheirShares() {
    Fixtures.monthly(usher, "Monthly", "10");
    linkDen();
    den.user(remote("u1", "alice", "Alice@Example.com", "f1"))
        .user(remote("u2", "bob", null, "f1", "f2"));

    SyncReport report = usher.sync().run(null, SyncProgress.NONE);

    assertThat(report.newUsers()).isEqualTo(2);
    assertThat(report.summary()).isEqualTo("2 new users.");
    List<UserRow> users = usher.queries().users();
    assertThat(users)
        .extracting(UserRow::label, UserRow::status, UserRow::plan, UserRow::expires)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "alice@example.com",
                UserStatus.ACTIVE,
                "Monthly",
                Instant.parse("2026-12-22T10:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "bob", UserStatus.ACTIVE, "Monthly", Instant.parse("2026-12-22T10:00:00Z")));
    assertThat(users).allSatisfy(u -> assertThat(u.servers()).containsExactly("Den"));
    var payments = usher.queries().payments(PaymentFilter.ALL);
    assertThat(payments).allSatisfy(p -> assertThat(p.source()).isEqualTo(PaymentSource.SYNC));
    assertThat(payments).allSatisfy(p -> assertThat(p.amount().minor()).isZero());
  }

  @Test
  void aSecondSyncWithNothingChangedWritesNothing() {
    Fixtures.monthly(usher, "Monthly", "10");
    linkDen();
    den.user(remote("u1", "alice", "alice@example.com", "f1"));
    usher.sync().run(null, SyncProgress.NONE);
    int audited = usher.queries().history("user", usher.queries().users().getFirst().id()).size();

    clock.advance(Duration.ofHours(1));
    SyncReport again = usher.sync().run(null, SyncProgress.NONE);

    assertThat(again.summary()).isEqualTo("Nothing changed.");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).hasSize(1);
    assertThat(usher.queries().history("user", usher.queries().users().getFirst().id()))
        .hasSize(audited);
  }

  @Test
  void changedLibrariesUpdateTheShareAndVanishedAccountsAreMarkedRemoved() {
    Fixtures.monthly(usher, "Monthly", "10");
    linkDen();
    den.user(remote("u1", "alice", "alice@example.com", "f1"))
        .user(remote("u2", "bob", "bob@example.com", "f1"));
    usher.sync().run(null, SyncProgress.NONE);

    den.users.clear();
    den.user(remote("u1", "alice", "alice@example.com", "f1", "f2"));
    SyncReport report = usher.sync().run(null, SyncProgress.NONE);

    assertThat(report.summary()).isEqualTo("1 updated, 1 share removed on the server.");
    assertThat(usher.queries().users())
        .filteredOn(u -> u.email().equals("bob@example.com"))
        .singleElement()
        .satisfies(u -> assertThat(u.servers()).isEmpty());
  }

  @Test
  void aUserKnownByEmailGetsAShareInsteadOfADuplicate() {
    Fixtures.monthly(usher, "Monthly", "10");
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("alice@example.com"));
    linkDen();
    den.user(remote("u1", "alice", "ALICE@example.com", "f1"));

    SyncReport report = usher.sync().run(null, SyncProgress.NONE);

    assertThat(report.newUsers()).isZero();
    assertThat(report.updatedUsers()).isEqualTo(1);
    assertThat(usher.queries().users())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.servers()).containsExactly("Den");
              assertThat(u.status()).isEqualTo(UserStatus.EXPIRED);
            });
  }

  @Test
  void withImportPermanentNewUsersArePermanentAndGetNoPayment() {
    usher.settings().set("import.permanent", "true");
    linkDen();
    den.user(remote("u1", "alice", "alice@example.com", "f1"));

    usher.sync().run(null, SyncProgress.NONE);

    assertThat(usher.queries().users())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.permanent()).isTrue();
              assertThat(u.status()).isEqualTo(UserStatus.ACTIVE);
            });
    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();
  }

  @Test
  void withoutADefaultPlanSyncRefusesBeforeReadingAnyServer() {
    linkDen();
    den.user(remote("u1", "alice", "alice@example.com", "f1"));

    assertThatThrownBy(() -> usher.sync().run(null, SyncProgress.NONE))
        .isInstanceOf(UsherException.class)
        .hasMessageStartingWith("Create a plan before syncing");
    assertThat(usher.queries().users()).isEmpty();
  }

  @Test
  void aServerThatFailsIsReportedAndLeavesNothingWhileTheOthersSync() {
    Fixtures.monthly(usher, "Monthly", "10");
    linkDen();
    FakeMediaServers.Fake attic = media.server("http://attic:8096").library("a1", "Films");
    usher.servers().addMediaBrowser(ServerKind.EMBY, "Attic", "http://attic:8096", "key");
    den.user(remote("u1", "alice", "alice@example.com", "f1"));
    attic.user(remote("e1", "carol", "carol@example.com", "a1"));
    den.failUsers =
        new MediaServerException(MediaServerException.Kind.UNREACHABLE, "Den did not answer.");

    SyncReport report = usher.sync().run(null, SyncProgress.NONE);

    assertThat(report.problems()).containsExactly("Jellyfin server Den: Den did not answer.");
    assertThat(usher.queries().users())
        .extracting(UserRow::email)
        .containsExactly("carol@example.com");
  }

  @Test
  void aCancelledSyncStopsBetweenServers() {
    Fixtures.monthly(usher, "Monthly", "10");
    linkDen();
    den.user(remote("u1", "alice", "alice@example.com", "f1"));
    SyncProgress cancelled =
        new SyncProgress() {
          @Override
          public void step(String text, double fraction) {}

          @Override
          public boolean cancelled() {
            return true;
          }
        };

    SyncReport report = usher.sync().run(null, cancelled);

    assertThat(report.cancelled()).isTrue();
    assertThat(usher.queries().users()).isEmpty();
  }

  @Test
  void newLibrariesStartPrivateAndAShareOfThemIsRecorded() {
    Fixtures.monthly(usher, "Monthly", "10");
    linkDen();
    den.library("f3", "4K Movies");
    den.user(remote("u1", "alice", "alice@example.com", "f3"));

    SyncReport report = usher.sync().run(null, SyncProgress.NONE);

    assertThat(report.newLibraries()).isEqualTo(1);
    assertThat(usher.servers().libraries("Den"))
        .extracting(l -> l.title() + "=" + l.group())
        .containsExactlyInAnyOrder("Movies=Private", "Shows=Private", "4K Movies=Private");
  }
}
