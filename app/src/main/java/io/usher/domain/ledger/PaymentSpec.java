package io.usher.domain.ledger;

import io.usher.domain.common.Inputs;
import io.usher.domain.common.Problems;
import io.usher.domain.money.Money;
import java.util.Objects;

/** A ledger row to be written: who, which plan, how much, for which period, under which key. */
public record PaymentSpec(
    long userId,
    long planId,
    Money amount,
    Period period,
    TxnRef ref,
    String subscriptionId,
    PaymentSource source,
    String notes) {
  public static final int MAX_SUBSCRIPTION = 255;
  public static final int MAX_NOTES = 4000;

  public PaymentSpec {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(source, "source");
    Problems problems = new Problems();
    String sub = subscriptionId;
    String text = notes;
    subscriptionId =
        problems.attempt(
            () -> Inputs.text("subscriptionId", "subscription id", sub, MAX_SUBSCRIPTION));
    notes = problems.attempt(() -> Inputs.text("notes", "notes", text, MAX_NOTES));
    problems.throwIfAny();
  }

  /** The same payment for another user: a draft made before the user was known. */
  public PaymentSpec forUser(long user) {
    return new PaymentSpec(user, planId, amount, period, ref, subscriptionId, source, notes);
  }
}
