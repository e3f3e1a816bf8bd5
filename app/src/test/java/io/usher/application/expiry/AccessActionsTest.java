package io.usher.application.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.application.users.UserActions.Outcome;
import io.usher.domain.ledger.AuditEntry;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner's Remove access, Restore access and Delete on a real ledger, with the expiry fixture's
 * Jellyfin server Den answering in memory (and refusing one account's removal when told to).
 */
class AccessActionsTest {
  @TempDir Path dataDir;
  ExpiryFixture f;
  long alice;
  long bob;

  @BeforeEach
  void open() {
    f = new ExpiryFixture(dataDir);
    alice = f.invite("alice@example.com", 1, null).id();
    bob = f.invite("bob@example.com", 30, null).id();
  }

  @AfterEach
  void close() {
    f.usher.close();
  }

  @Test
  void aPreviewOfRemovingAccessSaysWhatEachServerDoesAndChangesNothing() {
    List<Outcome> preview = f.usher.accessActions().removeAccess(List.of(bob), true);

    assertThat(preview)
        .extracting(Outcome::what)
        .containsExactly("loses Den (account bob disabled); their payments stay");
    assertThat(f.den.removed).isEmpty();
    assertThat(f.servers("bob@example.com")).containsExactly("Den");
  }

  @Test
  void removingAccessTakesThePaidUserOffTheServerAndKeepsTheirPayments() {
    List<Outcome> done = f.usher.accessActions().removeAccess(List.of(bob), false);

    assertThat(done).extracting(Outcome::state).containsExactly(Outcome.State.DONE);
    assertThat(f.den.removed).extracting(RemoteUser::username).containsExactly("bob");
    assertThat(f.servers("bob@example.com")).isEmpty();
    assertThat(f.usher.payments().forUser(bob)).hasSize(1);
    assertThat(f.usher.queries().history("user", bob))
        .extracting(AuditEntry::action, AuditEntry::detail)
        .anySatisfy(
            t ->
                assertThat(t.toList())
                    .containsExactly(
                        "access removed", "Jellyfin server Den: removed by the owner"));
    assertThat(f.usher.accessActions().removeAccess(List.of(bob), false))
        .extracting(Outcome::state, Outcome::what)
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.toList())
                    .containsExactly(Outcome.State.SKIPPED, "has no access on any server"));
  }

  @Test
  void aServerThatWillNotLetGoKeepsTheShareAndTheUserIsReportedAsFailed() {
    f.failRemovalOf.add("bob");

    List<Outcome> done = f.usher.accessActions().removeAccess(List.of(alice, bob), false);

    assertThat(done)
        .extracting(Outcome::state)
        .containsExactly(Outcome.State.DONE, Outcome.State.FAILED);
    assertThat(done.get(1).what())
        .isEqualTo("Den failed (Den did not answer.), still shared there");
    assertThat(f.servers("bob@example.com")).containsExactly("Den");
    assertThat(f.servers("alice@example.com")).isEmpty();
  }

  @Test
  void restoringAccessSharesAPaidUserAgainAndSkipsOneWhosePaidTimeEnded() {
    f.usher.accessActions().removeAccess(List.of(alice, bob), false);
    f.advance(Duration.ofDays(2));

    List<Outcome> preview = f.usher.accessActions().restoreAccess(List.of(alice, bob), true);
    assertThat(preview)
        .extracting(Outcome::state, Outcome::what)
        .map(t -> t.toList())
        .containsExactly(
            List.of(
                Outcome.State.SKIPPED,
                "has no paid time to give access for: extend them or add a payment"),
            List.of(Outcome.State.DONE, "is shared again on Jellyfin server Den (Monthly)"));
    assertThat(f.usher.invites().shareQueued(bob)).isFalse();

    f.usher.accessActions().restoreAccess(List.of(alice, bob), false);
    assertThat(f.usher.invites().shareQueued(bob)).isTrue();
    f.usher.outbox().runDue();

    assertThat(f.den.restored).extracting(RemoteUser::username).containsExactly("bob");
    assertThat(f.servers("bob@example.com")).containsExactly("Den");
    assertThat(f.servers("alice@example.com")).isEmpty();
    assertThat(f.usher.accessActions().restoreAccess(List.of(bob), true))
        .extracting(Outcome::what)
        .containsExactly("still has access on Den (account bob disabled)");
  }

  @Test
  void deletingTakesTheUserOffTheServerAndOutOfTheLedgerWithAnAuditLine() {
    String txn = f.usher.payments().forUser(bob).getFirst().spec().ref().txnId();

    List<Outcome> preview = f.usher.accessActions().delete(List.of(bob), true);
    assertThat(preview)
        .extracting(Outcome::what)
        .containsExactly("loses Den (account bob disabled); is deleted with 1 payment ($10)");
    assertThat(f.usher.queries().users()).hasSize(2);

    List<Outcome> done = f.usher.accessActions().delete(List.of(bob), false);

    assertThat(done).extracting(Outcome::state).containsExactly(Outcome.State.DONE);
    assertThat(f.den.removed).extracting(RemoteUser::username).containsExactly("bob");
    assertThat(f.usher.queries().users())
        .extracting(u -> u.email())
        .containsExactly("alice@example.com");
    assertThat(f.usher.payments().forUser(bob)).isEmpty();
    assertThat(f.usher.queries().history("user", bob))
        .last()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("deleted");
              assertThat(e.detail())
                  .startsWith("bob@example.com with 1 payment ($10): " + txn + "/1 $10 ");
            });
    assertThat(f.usher.jobs().run("expire", false).summary()).isEqualTo("0 users lost access");
  }

  @Test
  void aUserAServerWillNotLetGoOfIsKeptWhole() {
    f.failRemovalOf.add("bob");

    List<Outcome> done = f.usher.accessActions().delete(List.of(bob), false);

    assertThat(done)
        .extracting(Outcome::state, Outcome::what)
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.toList())
                    .containsExactly(
                        Outcome.State.FAILED,
                        "Den failed (Den did not answer.), still shared there; so the user is"
                            + " kept: try again when it answers"));
    assertThat(f.usher.users().byEmail("bob@example.com").id()).isEqualTo(bob);
    assertThat(f.usher.payments().forUser(bob)).hasSize(1);
    assertThat(f.servers("bob@example.com")).containsExactly("Den");
  }

  @Test
  void aDeletedMastersSubAccountsBecomeUsersOfTheirOwnAndAWaitingShareIsDropped() {
    Plan monthly = f.usher.plans().byName("Monthly");
    PlanSpec s = monthly.spec();
    f.usher
        .plans()
        .update(
            monthly.id(),
            new PlanSpec(
                s.name(),
                s.price(),
                s.duration(),
                s.groups(),
                s.maxStreams(),
                s.downloads(),
                s.transcode(),
                s.maxDevices(),
                s.trial(),
                s.isDefault(),
                s.hidden(),
                1,
                s.stripePriceId(),
                s.paypalPlanId()));
    f.invite("carol@example.com", 30, null);
    f.usher.links().link("bob@example.com", "carol@example.com");
    f.usher.accessActions().removeAccess(List.of(bob), false);
    f.usher.accessActions().restoreAccess(List.of(bob), false);

    assertThat(f.usher.accessActions().delete(List.of(bob), true))
        .extracting(Outcome::what)
        .singleElement()
        .asString()
        .endsWith("; carol@example.com becomes a user of their own");
    f.usher.accessActions().delete(List.of(bob), false);
    f.usher.outbox().runDue();

    assertThatThrownBy(() -> f.usher.links().unlink("carol@example.com"))
        .hasMessage("carol@example.com is not linked to a master.");
    assertThat(f.usher.outbox().pending())
        .noneSatisfy(i -> assertThat(i.kind()).isEqualTo("invite"));
    assertThat(f.den.restored).isEmpty();
  }
}
