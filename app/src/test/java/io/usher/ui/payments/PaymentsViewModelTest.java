package io.usher.ui.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.application.LedgerTestBase;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.users.UserSpec;
import io.usher.testing.Fixtures;
import io.usher.ui.kit.UiTasks;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Payments screen's state: user filter in memory, dates asked of the ledger, totals. */
class PaymentsViewModelTest extends LedgerTestBase {
  PaymentsViewModel model;

  @BeforeEach
  void ledger() {
    Fixtures.monthly(usher, "Monthly", "10");
    usher
        .plans()
        .create(Fixtures.plan("Euro", "7.25", io.usher.domain.plans.PlanDuration.days(30)));
    for (String email : new String[] {"alice@example.com", "bob@example.com"}) {
      usher.users().create(UserSpec.withEmail(email));
    }
    usher.payments().record(ManualPayment.of("alice@example.com", "Monthly"));
    usher.payments().record(ManualPayment.of("alice@example.com", "Monthly"));
    usher
        .payments()
        .record(
            new ManualPayment(
                "bob@example.com",
                "Monthly",
                "4.50",
                "txn-bob",
                1,
                null,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"),
                null));
    model =
        new PaymentsViewModel(
            usher.payments(),
            usher.plans(),
            usher.queries(),
            new UiTasks(Runnable::run, Runnable::run));
    model.load();
  }

  @Test
  void totalsFollowTheUserFilter() {
    assertThat(model.totals().get()).isEqualTo("3 payments · 24.50 USD");
    model.user().set("ALICE");
    assertThat(model.shown()).hasSize(2);
    assertThat(model.totals().get()).isEqualTo("2 payments · 20.00 USD");
  }

  @Test
  void aDateRangeOnPeriodsKeepsOnlyPaymentsWhosePeriodOverlapsIt() {
    model.on().set(PaymentFilter.DateBasis.PERIOD);
    model.from().set(Instant.parse("2026-01-15T00:00:00Z"));
    model.to().set(Instant.parse("2026-01-20T00:00:00Z"));
    assertThat(model.shown()).extracting(p -> p.txn()).containsExactly("txn-bob");
    assertThat(model.totals().get()).isEqualTo("1 payment · 4.50 USD");
  }

  @Test
  void aDateRangeOnPaymentDaysKeepsOnlyWhatWasPaidThenAndThatIsTheDefault() {
    assertThat(model.on().get()).isEqualTo(PaymentFilter.DateBasis.PAID);
    model.from().set(Instant.parse("2026-01-15T00:00:00Z"));
    model.to().set(Instant.parse("2026-01-20T00:00:00Z"));
    assertThat(model.shown()).as("bob's January payment was paid on 1 January").isEmpty();

    model.from().set(Instant.parse("2026-01-01T00:00:00Z"));
    model.to().set(Instant.parse("2026-01-02T00:00:00Z"));
    assertThat(model.shown())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.txn()).isEqualTo("txn-bob");
              assertThat(p.paidOn()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            });
  }

  @Test
  void aRecordedPaymentAppearsAfterTheReload() {
    model.record(ManualPayment.of("bob@example.com", "Monthly")).get();
    model.load();
    assertThat(model.shown()).hasSize(4);
  }
}
