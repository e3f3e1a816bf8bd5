package io.usher.domain.ledger;

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

  public PaymentSpec {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(source, "source");
    subscriptionId = blankToNull(subscriptionId);
    notes = blankToNull(notes);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
