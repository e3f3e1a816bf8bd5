package io.usher.application.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.application.LedgerTestBase;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.common.ConflictException;
import io.usher.domain.ledger.Payment;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.users.UserSpec;
import io.usher.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Linked users on a real ledger: the rules for linking, and the master's payments copied. */
class LinkServiceTest extends LedgerTestBase {
  @BeforeEach
  void ledger() {
    PlanSpec base = Fixtures.plan("Family", "20", PlanDuration.months(1));
    usher
        .plans()
        .create(
            new PlanSpec(
                base.name(),
                base.price(),
                base.duration(),
                base.groups(),
                4,
                false,
                true,
                null,
                false,
                false,
                false,
                2,
                null));
    for (String e :
        List.of("master@example.com", "kid1@example.com", "kid2@example.com", "kid3@example.com")) {
      usher.users().create(UserSpec.withEmail(e));
    }
    usher.payments().record(ManualPayment.of("master@example.com", "Family"));
  }

  @Test
  void aMasterPaymentIsCopiedToEverySubWithTheNextSequences() {
    usher.links().link("master@example.com", "kid1@example.com");
    usher.links().link("master@example.com", "KID2@example.com");

    Payment paid =
        usher
            .payments()
            .record(
                new ManualPayment(
                    "master@example.com", "Family", null, "txn-9", 1, null, null, null, null));

    var rows =
        usher.queries().payments(io.usher.domain.ledger.PaymentFilter.ALL).stream()
            .filter(p -> p.txn().equals("txn-9"))
            .toList();
    assertThat(rows)
        .extracting(p -> p.email() + "#" + p.seq())
        .containsExactlyInAnyOrder(
            "master@example.com#1", "kid1@example.com#2", "kid2@example.com#3");
    assertThat(rows)
        .allSatisfy(
            p -> {
              assertThat(p.start()).isEqualTo(paid.period().start());
              assertThat(p.end()).isEqualTo(paid.period().end());
              assertThat(p.plan()).isEqualTo("Family");
            });
  }

  @Test
  void thePlansLimitOnSubAccountsIsEnforced() {
    usher.links().link("master@example.com", "kid1@example.com");
    usher.links().link("master@example.com", "kid2@example.com");

    assertThatThrownBy(() -> usher.links().link("master@example.com", "kid3@example.com"))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "Plan Family allows 2 linked sub-accounts and master@example.com has 2: raise the plan's limit or unlink one.");
  }

  @Test
  void aSubCannotHaveTwoMastersNorBeAMasterItself() {
    usher.links().link("master@example.com", "kid1@example.com");
    usher.payments().record(ManualPayment.of("kid2@example.com", "Family"));

    assertThatThrownBy(() -> usher.links().link("kid2@example.com", "kid1@example.com"))
        .hasMessage("kid1@example.com is already linked to master@example.com.");
    assertThatThrownBy(() -> usher.links().link("kid1@example.com", "kid3@example.com"))
        .hasMessageContaining("is a sub-account itself");
  }

  @Test
  void linkingIsRefusedOnATrialPlan() {
    PlanSpec base = Fixtures.plan("Trial", "0", PlanDuration.days(3));
    usher
        .plans()
        .create(
            new PlanSpec(
                base.name(),
                base.price(),
                base.duration(),
                base.groups(),
                1,
                false,
                true,
                null,
                true,
                false,
                false,
                0,
                null));
    usher.payments().record(ManualPayment.of("kid3@example.com", "Trial"));

    assertThatThrownBy(() -> usher.links().link("kid3@example.com", "kid2@example.com"))
        .hasMessage("Linked users are not possible on the trial plan Trial.");
  }

  @Test
  void aSubWithoutAShareGetsThePaymentAndTheOwnerIsTold() {
    usher.links().link("master@example.com", "kid1@example.com");
    Payment paid = usher.payments().record(ManualPayment.of("master@example.com", "Family"));

    assertThat(usher.payments().forUser(usher.users().byEmail("kid1@example.com").id()))
        .singleElement()
        .satisfies(p -> assertThat(p.period()).isEqualTo(paid.period()));
    assertThat(usher.queries().history("user", paid.userId()))
        .extracting(e -> e.detail())
        .contains(
            "kid1@example.com got the payment but has no share any more (expired and removed):"
                + " invite them by hand.");
  }

  @Test
  void unlinkingStopsTheCopies() {
    usher.links().link("master@example.com", "kid1@example.com");
    usher.links().unlink("kid1@example.com");

    usher
        .payments()
        .record(
            new ManualPayment(
                "master@example.com", "Family", null, "txn-10", 1, null, null, null, null));

    assertThat(usher.queries().payments(io.usher.domain.ledger.PaymentFilter.ALL))
        .filteredOn(p -> p.txn().equals("txn-10"))
        .hasSize(1);
  }
}
