package io.usher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.application.payments.ManualPayment;
import io.usher.application.payments.PaymentEdit;
import io.usher.domain.common.ConflictException;
import io.usher.domain.common.NotFoundException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.ledger.Period;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.money.Money;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentServiceTest extends LedgerTestBase {
  User bob;

  @BeforeEach
  void basicPlanAndBob() {
    Fixtures.monthly(usher, "Basic", "10");
    bob = usher.users().create(UserSpec.withEmail("bob@example.com"));
  }

  @Test
  void aManualPaymentDefaultsToThePlansPriceAndOneDurationFromNow() {
    Payment p = usher.payments().record(ManualPayment.of("Bob@Example.com", "basic"));
    assertThat(p.spec().amount()).isEqualTo(Money.parse("10.00", Money.currency("USD")));
    assertThat(p.period()).isEqualTo(new Period(NOW, Instant.parse("2026-12-22T10:00:00Z")));
    assertThat(p.spec().source()).isEqualTo(PaymentSource.MANUAL);
    assertThat(p.ref().txnId()).startsWith("manual-");
    assertThat(p.ref().seq()).isEqualTo(1);
    assertThat(usher.payments().forUser(bob.id())).containsExactly(p);
  }

  @Test
  void aRenewalExtendsFromTheCurrentExpiryAndNeverOverlaps() {
    usher.payments().record(ManualPayment.of("bob@example.com", "Basic"));
    clock.advance(Duration.ofDays(10));
    Payment renewal = usher.payments().record(ManualPayment.of("bob@example.com", "Basic"));
    assertThat(renewal.period().start()).isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
    assertThat(renewal.period().end()).isEqualTo(Instant.parse("2027-01-22T10:00:00Z"));
  }

  /**
   * Seed FAQ: 30 for 30 days with 5 left is 5.00, which buys half of Basic's next month (31 days
   * from December 17th): 15.5 days first, then the month paid for.
   */
  @Test
  void aPaymentForAnotherPlanMidTermStartsAfterTheCreditOfWhatWasLeft() {
    usher
        .plans()
        .create(
            io.usher.testing.Fixtures.plan(
                "Premium", "30", io.usher.domain.plans.PlanDuration.days(30)));
    usher.payments().record(ManualPayment.of("bob@example.com", "Premium"));
    clock.advance(Duration.ofDays(25));

    Payment basic = usher.payments().record(ManualPayment.of("bob@example.com", "Basic"));

    assertThat(basic.period().start())
        .isEqualTo(NOW.plus(Duration.ofDays(25 + 15)).plus(Duration.ofHours(12)));
    assertThat(usher.payments().forUser(bob.id()))
        .extracting(p -> p.spec().source())
        .containsExactlyInAnyOrder(
            PaymentSource.MANUAL, PaymentSource.CREDIT, PaymentSource.MANUAL);
  }

  @Test
  void aRenewalAfterExpiryStartsNow() {
    usher.payments().record(ManualPayment.of("bob@example.com", "Basic"));
    clock.advance(Duration.ofDays(45));
    Payment renewal = usher.payments().record(ManualPayment.of("bob@example.com", "Basic"));
    assertThat(renewal.period().start()).isEqualTo(NOW.plus(Duration.ofDays(45)));
  }

  @Test
  void aDuplicateTransactionIdAndSequenceIsRefusedAndNothingIsWritten() {
    usher.payments().record(payment("pi_123", 1, "10"));
    assertThatThrownBy(() -> usher.payments().record(payment("pi_123", 1, "99")))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Transaction pi_123 (sequence 1) is already in the ledger.");
    assertThat(usher.payments().forUser(bob.id())).hasSize(1);
  }

  @Test
  void oneProviderPaymentCanBeSplitBySequence() {
    usher.payments().record(payment("pi_123", 1, "10"));
    usher.payments().record(payment("pi_123", 2, "10"));
    assertThat(usher.payments().forUser(bob.id()))
        .extracting(Payment::ref)
        .containsExactly(new TxnRef("pi_123", 1), new TxnRef("pi_123", 2));
  }

  @Test
  void anEndBeforeTheStartIsRefusedAndNothingIsWritten() {
    ManualPayment backwards =
        new ManualPayment(
            "bob@example.com",
            "Basic",
            null,
            null,
            null,
            null,
            Instant.parse("2026-12-01T00:00:00Z"),
            Instant.parse("2026-11-01T00:00:00Z"),
            null);
    assertThatThrownBy(() -> usher.payments().record(backwards))
        .isInstanceOf(ValidationException.class)
        .hasMessage("The end must be after the start.");
    assertThat(usher.payments().forUser(bob.id())).isEmpty();
  }

  @Test
  void badAmountsUnknownPlansAndUnknownUsersAreRefused() {
    assertThatThrownBy(() -> usher.payments().record(payment("t1", 1, "-5")))
        .hasMessage("The amount cannot be negative.");
    assertThatThrownBy(() -> usher.payments().record(payment("t1", 1, "five")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> usher.payments().record(ManualPayment.of("bob@example.com", "Gold")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("There is no plan named 'Gold'.");
    assertThatThrownBy(() -> usher.payments().record(ManualPayment.of("eve@example.com", "Basic")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no user with email eve@example.com");
    assertThat(usher.queries().payments(io.usher.domain.ledger.PaymentFilter.ALL)).isEmpty();
  }

  @Test
  void anEditChangesThePaymentAndLeavesAnAuditTrail() {
    Payment p = usher.payments().record(payment("pi_9", 1, "10"));
    Instant newEnd = Instant.parse("2027-06-01T00:00:00Z");
    Payment edited =
        usher
            .payments()
            .edit(new TxnRef("pi_9", 1), new PaymentEdit(null, newEnd, "12.50", null, null, null));
    assertThat(edited.period().end()).isEqualTo(newEnd);
    assertThat(edited.spec().amount().minor()).isEqualTo(1250);
    assertThat(usher.payments().forUser(bob.id())).containsExactly(edited);
    assertThat(usher.queries().history("payment", p.id()))
        .extracting(e -> e.action())
        .containsExactly("created", "edited");
    assertThat(usher.queries().history("payment", p.id()).getLast().detail())
        .contains("10.00 USD")
        .contains("12.50 USD")
        .contains("2027-06-01T00:00:00Z");
  }

  @Test
  void anEditThatWouldEndBeforeTheStartChangesNothing() {
    Payment p = usher.payments().record(payment("pi_9", 1, "10"));
    assertThatThrownBy(
            () ->
                usher
                    .payments()
                    .edit(
                        new TxnRef("pi_9", 1),
                        new PaymentEdit(
                            null, Instant.parse("2020-01-01T00:00:00Z"), null, null, null, null)))
        .isInstanceOf(ValidationException.class);
    assertThat(usher.payments().forUser(bob.id())).containsExactly(p);
    assertThat(usher.queries().history("payment", p.id())).hasSize(1);
  }

  @Test
  void editingAPaymentThatDoesNotExistSaysSo() {
    assertThatThrownBy(
            () ->
                usher
                    .payments()
                    .edit(
                        new TxnRef("nope", 1), new PaymentEdit(null, null, "1", null, null, null)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("There is no payment with transaction id nope.");
  }

  private static ManualPayment payment(String txn, int seq, String amount) {
    return new ManualPayment("bob@example.com", "Basic", amount, txn, seq, null, null, null, null);
  }
}
