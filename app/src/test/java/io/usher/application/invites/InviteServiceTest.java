package io.usher.application.invites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.AppContext;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.UsherException;
import io.usher.domain.invites.NoServerException;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.ServerKind;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.ServerSettings;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inviting by hand on a real ledger, with in-memory servers answering (or refusing). */
class InviteServiceTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  AppContext usher;
  FakeMediaServers.Fake den;

  @BeforeEach
  void open() {
    usher = open(dataDir);
    Fixtures.monthly(usher, "Monthly", "10");
    den = media.server("http://den:8096").library("f1", "Movies").library("f2", "Home videos");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    group("Den", "Movies", "Standard");
  }

  @AfterEach
  void close() {
    usher.close();
  }

  void group(String server, String title, String group) {
    Library l =
        usher.servers().libraries(server).stream()
            .filter(x -> x.title().equals(title))
            .findFirst()
            .orElseThrow();
    usher.servers().setGroup(l.id(), group);
  }

  /**
   * The contract: a customer invited on another plan mid-term gets the unused value as credit first
   * (seed FAQ: 30.00 for 30 days with 5 left → 5.00 → 10 days of a 15.00 plan), and the invite's
   * own month starts after it.
   */
  @Test
  void invitingAPayingUserOnAnotherPlanMidTermCreditsWhatWasLeftFirst() {
    usher.plans().create(Fixtures.plan("Premium", "30", PlanDuration.days(30)));
    usher.plans().create(Fixtures.plan("Basic", "15", PlanDuration.days(30)));
    usher.invites().invite(InviteRequest.of("ann@example.com", "Premium", "Den"));
    clock.advance(Duration.ofDays(25));

    InviteResult result =
        usher.invites().invite(InviteRequest.of("ann@example.com", "Basic", "Den"));

    Instant creditEnd = NOW.plus(Duration.ofDays(25 + 10));
    assertThat(result.payment().period().start()).isEqualTo(creditEnd);
    assertThat(result.payment().period().end()).isEqualTo(creditEnd.plus(Duration.ofDays(30)));
    assertThat(usher.payments().forUser(result.user().id()))
        .extracting(p -> p.spec().source().code())
        .containsExactlyInAnyOrder("manual", "credit", "manual");
  }

  @Test
  void invitingSharesExactlyThePlansLibrariesThenRecordsPaymentAndShare() {
    InviteResult result =
        usher.invites().invite(InviteRequest.of("Alice@Example.com", "Monthly", "Den"));

    assertThat(result.queued()).isFalse();
    assertThat(den.shared)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.libraryIds()).containsExactly("f1");
              assertThat(r.username()).isEqualTo("alice");
            });
    var user = usher.queries().users().getFirst();
    assertThat(user.email()).isEqualTo("alice@example.com");
    assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(user.servers()).containsExactly("Den");
    assertThat(user.expires()).isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
  }

  @Test
  void aServerThatRefusesForGoodRecordsNothing() {
    den.failShares.add(new MediaServerException(Kind.INVALID_ACCOUNT, "Den refused the name."));

    assertThatThrownBy(
            () -> usher.invites().invite(InviteRequest.of("a@example.com", "Monthly", "Den")))
        .hasMessage("Den refused the name.");
    assertThat(usher.queries().users()).isEmpty();
    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();
    assertThat(usher.outbox().pending()).isEmpty();
  }

  @Test
  void anUnreachableServerGetsThePaymentRecordedAndTheShareQueuedUntilItWorks() {
    den.failShares.add(new MediaServerException(Kind.UNREACHABLE, "Den did not answer."));
    den.failShares.add(new MediaServerException(Kind.UNREACHABLE, "Den did not answer."));

    InviteResult result =
        usher.invites().invite(InviteRequest.of("a@example.com", "Monthly", "Den"));

    assertThat(result.queued()).isTrue();
    assertThat(result.reason()).isEqualTo("Den did not answer.");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).hasSize(1);
    assertThat(usher.queries().users().getFirst().servers()).isEmpty();
    assertThat(usher.outbox().pending())
        .singleElement()
        .satisfies(i -> assertThat(i.kind()).isEqualTo("invite"));

    assertThat(usher.outbox().runDue()).isZero();
    var waiting = usher.outbox().pending().getFirst();
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.lastError()).isEqualTo("Den did not answer.");
    assertThat(waiting.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
    assertThat(usher.outbox().runDue()).as("not due yet").isZero();

    clock.advance(Duration.ofSeconds(30));
    assertThat(usher.outbox().runDue()).isEqualTo(1);
    assertThat(usher.outbox().pending())
        .as("only the welcome mail waits now")
        .extracting(i -> i.kind())
        .containsExactly("mail");
    assertThat(usher.queries().users().getFirst().servers()).containsExactly("Den");
    assertThat(den.shared).hasSize(1);
  }

  @Test
  void aPlanWithoutLibrariesOnTheServerIsRefusedBeforeAnythingHappens() {
    usher.plans().create(Fixtures.plan("Other", "5", io.usher.domain.plans.PlanDuration.days(30)));
    usher.servers().addGroup("4K");
    var spec = Fixtures.plan("Ultra", "20", io.usher.domain.plans.PlanDuration.days(30));
    usher
        .plans()
        .create(
            new io.usher.domain.plans.PlanSpec(
                spec.name(),
                spec.price(),
                spec.duration(),
                java.util.List.of("4K"),
                2,
                false,
                true,
                null,
                false,
                false,
                false,
                0,
                null));

    assertThatThrownBy(
            () -> usher.invites().invite(InviteRequest.of("a@example.com", "Ultra", "Den")))
        .isInstanceOf(UsherException.class)
        .hasMessage(
            "Plan Ultra grants no library on Jellyfin server Den: put a library of that server in 4K first.");
    assertThat(den.shared).isEmpty();
    assertThat(usher.queries().users()).isEmpty();
  }

  @Test
  void anAccountMadeForAnInviteTheLedgerThenRefusesIsTakenBackFromTheServer() {
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("b@example.com"));
    // The same transaction lands by another way (a webhook) while the server makes the account.
    den.duringShare =
        () ->
            usher
                .payments()
                .record(
                    new ManualPayment(
                        "b@example.com", "Monthly", null, "txn-race", 1, null, null, null, null));
    InviteRequest invite = withTxn("a@example.com", "txn-race");

    assertThatThrownBy(() -> usher.invites().invite(invite)).isInstanceOf(UsherException.class);

    assertThat(den.shared).hasSize(1);
    assertThat(den.removed)
        .singleElement()
        .satisfies(u -> assertThat(u.accountId()).isEqualTo("acct-1"));
    assertThat(den.users()).isEmpty();
    assertThat(usher.queries().users()).extracting(u -> u.email()).containsExactly("b@example.com");
  }

  @Test
  void aDuplicateTransactionIsRefusedWithoutCallingTheServer() {
    usher.invites().invite(withTxn("a@example.com", "txn-1"));

    assertThatThrownBy(() -> usher.invites().invite(withTxn("b@example.com", "txn-1")))
        .isInstanceOf(ConflictException.class);
    assertThat(den.shared).hasSize(1);
  }

  @Test
  void aRenewalExtendsFromTheCurrentExpiryAndQuantityBuysSeveralDurations() {
    usher.invites().invite(InviteRequest.of("a@example.com", "Monthly", "Den"));
    clock.advance(Duration.ofDays(10));

    usher
        .invites()
        .invite(
            new InviteRequest(
                "a@example.com",
                "Monthly",
                "Den",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                2,
                null));

    assertThat(usher.queries().users().getFirst().expires())
        .isEqualTo(Instant.parse("2027-02-22T10:00:00Z"));
  }

  @Test
  void anAlreadySharedPlexAccountCountsAsShared() {
    media
        .server("http://tower:32400")
        .library("118181361", "Movies")
        .failShares
        .add(new MediaServerException(Kind.ALREADY_SHARED, "Plex says alice already has a share."));
    media.plexServers.add(
        new io.usher.domain.media.PlexServerChoice("Tower", "abc123", "http://tower:32400", "1"));
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    group("Tower", "Movies", "Standard");

    InviteResult result =
        usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Tower"));

    assertThat(result.queued()).isFalse();
    assertThat(result.account()).isEqualTo("alice@example.com");
    assertThat(usher.queries().users().getFirst().servers()).containsExactly("Tower");
  }

  /** Seed 004: the old Plex account was banned; the customer moves before a Plex invite. */
  @Test
  void aUserTaggedToChangePlexAccountIsNotInvitedOnPlexUntilTheOwnerTurnsTheRuleOff() {
    media.server("http://tower:32400").library("118181361", "Movies");
    media.plexServers.add(
        new io.usher.domain.media.PlexServerChoice("Tower", "abc123", "http://tower:32400", "1"));
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    group("Tower", "Movies", "Standard");
    usher
        .users()
        .create(
            new io.usher.domain.users.UserSpec(
                "alice@example.com", null, false, true, null, null, null, null));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Tower")))
        .isInstanceOf(io.usher.domain.common.ConflictException.class)
        .hasMessageContaining("tagged to change Plex account");
    assertThat(media.server("http://tower:32400").shared).isEmpty();
    assertThat(usher.queries().payments(io.usher.domain.ledger.PaymentFilter.ALL)).isEmpty();

    usher.settings().set("account.plex-change", "false");
    assertThat(
            usher
                .invites()
                .invite(InviteRequest.of("alice@example.com", "Monthly", "Tower"))
                .account())
        .isEqualTo("alice@example.com");
  }

  @Test
  void withoutAServerNamedUsherChoosesOneWithRoomInTheChosenLocation() {
    usher.servers().addLocation("America");
    FakeMediaServers.Fake us = media.server("http://us:8096").library("u1", "Movies");
    usher.servers().addMediaBrowser(ServerKind.EMBY, "US", "http://us:8096", "k");
    group("US", "Movies", "Standard");
    usher
        .servers()
        .update("US", new ServerSettings("America", true, true, true, false, null, true));

    InviteResult result =
        usher
            .invites()
            .invite(
                new InviteRequest(
                    "a@example.com",
                    "Monthly",
                    null,
                    "America",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    1,
                    null));

    assertThat(result.server().name()).isEqualTo("US");
    assertThat(us.shared).hasSize(1);
  }

  @Test
  void whenNoServerHasRoomTheInviteIsRefusedNamingThePlanAndTheOwnerIsAlerted() {
    usher.settings().set("owner.email", "owner@example.com");
    usher.servers().update("Den", new ServerSettings(null, true, true, true, false, 0, true));
    usher.invites().invite(InviteRequest.of("first@example.com", "Monthly", "Den"));
    usher.servers().update("Den", new ServerSettings(null, true, true, true, false, 1, true));

    assertThatThrownBy(
            () -> usher.invites().invite(InviteRequest.of("b@example.com", "Monthly", null)))
        .isInstanceOf(NoServerException.class);
    assertThat(usher.queries().users()).hasSize(1);
    assertThat(usher.outbox().pending())
        .as(usher.outbox().pending().toString())
        .filteredOn(i -> i.payload().contains("event=OWNER_ALERT"))
        .singleElement()
        .satisfies(
            i ->
                assertThat(io.usher.domain.outbox.Payload.decode(i.payload()).get("summary"))
                    .startsWith("There is no server with capacity for plan Monthly")
                    .endsWith("(inviting b@example.com)"));
  }

  @Test
  void jellyfinUserNamesAreMadeUniqueOnTheServer() {
    usher.invites().invite(InviteRequest.of("sam@example.com", "Monthly", "Den"));
    usher.invites().invite(InviteRequest.of("sam@example.org", "Monthly", "Den"));

    assertThat(den.shared).extracting(r -> r.username()).containsExactly("sam", "sam2");
  }

  @Test
  void aJellyfinUserWhoExpiredAndPaysAgainGetsTheKeptAccountBack() {
    usher.invites().invite(InviteRequest.of("pat@example.com", "Monthly", "Den"));
    clock.advance(Duration.ofDays(40));
    usher.jobs().run("expire", false);
    assertThat(usher.queries().users().getFirst().servers()).isEmpty();
    assertThat(den.removed).hasSize(1);

    InviteResult again =
        usher.invites().invite(InviteRequest.of("pat@example.com", "Monthly", "Den"));

    assertThat(again.queued()).isFalse();
    assertThat(den.shared).as("no second account").hasSize(1);
    assertThat(den.restored)
        .singleElement()
        .satisfies(u -> assertThat(u.username()).isEqualTo("pat"));
    assertThat(usher.queries().users().getFirst().servers()).containsExactly("Den");
  }

  @Test
  void aQueuedShareForAJellyfinUserWhoExpiredEnablesTheKeptAccount() {
    usher.invites().invite(InviteRequest.of("pat@example.com", "Monthly", "Den"));
    clock.advance(Duration.ofDays(40));
    usher.jobs().run("expire", false);
    var pat = usher.users().byEmail("pat@example.com");

    assertThat(usher.invites().queueShare(pat, usher.plans().byName("Monthly")))
        .hasValue("Jellyfin server Den");
    assertThat(usher.invites().shareQueued(pat.id())).isTrue();
    usher.outbox().runDue();

    assertThat(den.shared).as("no second account").hasSize(1);
    assertThat(den.restored)
        .singleElement()
        .satisfies(u -> assertThat(u.username()).isEqualTo("pat"));
    assertThat(usher.queries().users().getFirst().servers()).containsExactly("Den");
    assertThat(usher.invites().shareQueued(pat.id())).isFalse();
  }

  /** An invite to Den on Monthly that names its transaction, as a webhook or an import would. */
  static InviteRequest withTxn(String email, String txn) {
    return new InviteRequest(
        email, "Monthly", "Den", null, null, txn, 1, null, null, null, null, 1, null);
  }

  /** The ledger the test works on; the PostgreSQL run of this suite opens its own there. */
  protected AppContext open(Path dataDir) {
    return new AppContext(dataDir, null, clock, s -> media);
  }
}
