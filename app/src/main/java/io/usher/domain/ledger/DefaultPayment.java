package io.usher.domain.ledger;

import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import java.time.Instant;

/**
 * The payment a standard user found on a server (by sync) receives: the default plan, starting now,
 * lasting one plan duration, at no charge — the owner corrects plan and end date later, and revenue
 * figures are not inflated by money nobody paid through Usher.
 */
public final class DefaultPayment {
  private DefaultPayment() {}

  public static PaymentSpec forImportedUser(
      long userId, Plan defaultPlan, Instant now, String txnId) {
    if (!defaultPlan.isDefault()) {
      throw new IllegalArgumentException("plan " + defaultPlan.name() + " is not the default");
    }
    return new PaymentSpec(
        userId,
        defaultPlan.id(),
        Money.zero(defaultPlan.price().currency()),
        new Period(now, defaultPlan.duration().addTo(now)),
        new TxnRef(txnId, 1),
        null,
        PaymentSource.SYNC,
        "Default payment created when the user was imported from a server.");
  }
}
