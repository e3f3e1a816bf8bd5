package io.usher.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultPaymentTest {
  static Plan plan(boolean isDefault) {
    return new Plan(
        7,
        new PlanSpec(
            "Basic",
            Money.parse("10", Money.currency("EUR")),
            PlanDuration.months(1),
            List.of("Standard"),
            2,
            false,
            true,
            null,
            false,
            isDefault,
            false,
            0,
            null));
  }

  @Test
  void anImportedUserGetsOneFreeDefaultPlanDurationFromNow() {
    Instant now = Instant.parse("2026-01-31T12:00:00Z");
    PaymentSpec p = DefaultPayment.forImportedUser(42, plan(true), now, "sync-abc");
    assertThat(p.userId()).isEqualTo(42);
    assertThat(p.planId()).isEqualTo(7);
    assertThat(p.amount()).isEqualTo(Money.zero(Money.currency("EUR")));
    assertThat(p.period()).isEqualTo(new Period(now, Instant.parse("2026-02-28T12:00:00Z")));
    assertThat(p.ref()).isEqualTo(new TxnRef("sync-abc", 1));
    assertThat(p.source()).isEqualTo(PaymentSource.SYNC);
  }

  @Test
  void onlyTheDefaultPlanIsUsed() {
    assertThatThrownBy(() -> DefaultPayment.forImportedUser(1, plan(false), Instant.EPOCH, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
