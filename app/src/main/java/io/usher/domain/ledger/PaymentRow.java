package io.usher.domain.ledger;

import io.usher.domain.money.Money;
import java.time.Instant;

/** A ledger row joined with who paid and for which plan, for lists and exports. */
public record PaymentRow(
    long id,
    String txn,
    int seq,
    long userId,
    String email,
    String plan,
    Money amount,
    Instant start,
    Instant end,
    String subscriptionId,
    PaymentSource source,
    String notes,
    Instant createdAt) {

  /**
   * When the money came in: when Usher recorded it, or its start when that is earlier (a payment
   * imported or entered after the fact). The dashboard's revenue counts it on this day too.
   */
  public Instant paidOn() {
    return start.isBefore(createdAt) ? start : createdAt;
  }
}
