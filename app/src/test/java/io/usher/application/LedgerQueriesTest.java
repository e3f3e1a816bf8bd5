package io.usher.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.application.payments.ManualPayment;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.ledger.StatusCounts;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.ledger.UserStatus;
import io.usher.domain.money.Money;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerQueriesTest extends LedgerTestBase {
  User paying;
  User lapsed;
  User permanent;
  User never;
  User soon;

  @BeforeEach
  void ledger() {
    Fixtures.monthly(usher, "Basic", "10");
    usher.plans().create(Fixtures.plan("Weekly", "3", PlanDuration.days(7)));
    paying = usher.users().create(UserSpec.withEmail("paying@example.com"));
    lapsed = usher.users().create(UserSpec.withEmail("lapsed@example.com"));
    permanent =
        usher
            .users()
            .create(
                new UserSpec("friend@example.com", "Friend", true, false, null, null, null, null));
    never = usher.users().create(UserSpec.withEmail("never@example.com"));
    soon = usher.users().create(UserSpec.withEmail("soon@example.com"));
    pay("paying@example.com", "Weekly", "p1", "2026-10-01", "2026-11-01");
    pay("paying@example.com", "Basic", "p2", "2026-11-01", "2026-12-15");
    pay("lapsed@example.com", "Basic", "l1", "2026-09-01", "2026-10-01");
    pay("soon@example.com", "Weekly", "s1", "2026-11-20", "2026-11-25");
  }

  @Test
  void statusPlanAndExpiryComeFromTheLedger() {
    List<UserRow> users = usher.queries().users();
    assertThat(users)
        .extracting(UserRow::email)
        .containsExactly(
            "friend@example.com",
            "lapsed@example.com",
            "never@example.com",
            "paying@example.com",
            "soon@example.com");
    UserRow p = row(users, "paying@example.com");
    assertThat(p.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(p.plan()).isEqualTo("Basic");
    assertThat(p.expires()).isEqualTo(Instant.parse("2026-12-15T00:00:00Z"));
    assertThat(row(users, "lapsed@example.com").status()).isEqualTo(UserStatus.EXPIRED);
    assertThat(row(users, "friend@example.com").status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(row(users, "friend@example.com").permanent()).isTrue();
    UserRow n = row(users, "never@example.com");
    assertThat(n.status()).isEqualTo(UserStatus.EXPIRED);
    assertThat(n.plan()).isNull();
    assertThat(n.expires()).isNull();
  }

  @Test
  void theCheckoutMarkMovesWithWhatThePageShowsAndStandsStillOtherwise() {
    String mark = usher.checkout().refreshKept();
    usher.queries().users();
    assertThat(usher.checkout().refreshKept()).as("nothing written").isEqualTo(mark);

    List<Runnable> changes =
        List.of(
            () -> Fixtures.monthly(usher, "Quarterly", "25"),
            () -> usher.plans().setHidden(usher.plans().byName("Weekly").id(), true),
            () -> usher.users().create(UserSpec.withEmail("new@example.com")),
            () -> pay("never@example.com", "Basic", "n1", "2026-11-01", "2026-12-01"),
            () -> usher.settings().set("brand.name", "Cinema Club"),
            () -> usher.settings().set("stripe.secret-key", "sk_test_one"),
            () -> usher.settings().set("stripe.secret-key", "sk_test_two"));
    for (int i = 0; i < changes.size(); i++) {
      changes.get(i).run();
      String moved = usher.checkout().refreshKept();
      assertThat(moved).as("after change %d", i).isNotEqualTo(mark);
      mark = moved;
    }
  }

  @Test
  void theSameLedgerReadsDifferentlyAsTimePasses() {
    clock.set(Instant.parse("2026-12-16T00:00:00Z"));
    assertThat(row(usher.queries().users(), "paying@example.com").status())
        .isEqualTo(UserStatus.EXPIRED);
    assertThat(usher.queries().users(UserStatus.ACTIVE))
        .extracting(UserRow::email)
        .containsExactly("friend@example.com");
  }

  @Test
  void theDashboardCountsActiveExpiringExpiredAndPermanent() {
    StatusCounts counts = usher.queries().counts();
    assertThat(counts).isEqualTo(new StatusCounts(3, 1, 2, 1));
  }

  @Test
  void paymentsFilterByUserAndByOverlappingDates() {
    assertThat(usher.queries().payments(new PaymentFilter(paying.id(), null, null)))
        .extracting(PaymentRow::txn)
        .containsExactly("p2", "p1");
    assertThat(
            usher
                .queries()
                .payments(
                    new PaymentFilter(
                        null,
                        Instant.parse("2026-10-15T00:00:00Z"),
                        Instant.parse("2026-11-10T00:00:00Z"))))
        .extracting(PaymentRow::txn)
        .containsExactlyInAnyOrder("p1", "p2");
    assertThat(usher.queries().payments(PaymentFilter.ALL)).hasSize(4);
  }

  @Test
  void totalsAddUpPerCurrency() {
    assertThat(usher.queries().totals(PaymentFilter.ALL))
        .containsExactly(Money.parse("26", Money.currency("USD")));
    assertThat(usher.queries().totals(new PaymentFilter(lapsed.id(), null, null)))
        .containsExactly(Money.parse("10", Money.currency("USD")));
    assertThat(usher.queries().totals(new PaymentFilter(never.id(), null, null))).isEmpty();
  }

  @Test
  void aLaterRenewalOnAnotherPlanChangesTheShownPlan() {
    clock.advance(Duration.ofDays(1));
    usher.payments().record(ManualPayment.of("soon@example.com", "Basic"));
    UserRow s = row(usher.queries().users(), "soon@example.com");
    assertThat(s.plan()).isEqualTo("Basic");
    // Bought mid-term: the unused rest of the running payment became credit on Basic first, so the
    // month bought ends later than the old expiry plus a month (2026-12-25).
    assertThat(s.expires()).isEqualTo(Instant.parse("2026-12-26T06:24:00Z"));
  }

  private void pay(String email, String plan, String txn, String start, String end) {
    usher
        .payments()
        .record(
            new ManualPayment(
                email,
                plan,
                null,
                txn,
                1,
                null,
                Instant.parse(start + "T00:00:00Z"),
                Instant.parse(end + "T00:00:00Z"),
                null));
  }

  private static UserRow row(List<UserRow> rows, String email) {
    return rows.stream().filter(r -> email.equals(r.email())).findFirst().orElseThrow();
  }
}
