package io.usher.application.payments;

import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.users.User;
import java.util.Comparator;
import java.util.Optional;

/**
 * A user's plan as the ledger says it: the plan of their payment that ends last (the newest such
 * payment when two end together). Time given to a user (a referral, an extension, a renewal from
 * the account page) is on this plan.
 */
public final class CurrentPlan {
  private final PaymentStore payments;
  private final PlanStore plans;

  public CurrentPlan(PaymentStore payments, PlanStore plans) {
    this.payments = payments;
    this.plans = plans;
  }

  /** Empty for a user who never paid. */
  public Optional<Plan> of(User user) {
    return payments.forUser(user.id()).stream()
        .max(Comparator.comparing((Payment p) -> p.period().end()).thenComparing(Payment::id))
        .flatMap(p -> plans.byId(p.spec().planId()));
  }
}
