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
    Instant createdAt) {}
