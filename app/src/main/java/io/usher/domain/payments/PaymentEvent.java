package io.usher.domain.payments;

import io.usher.domain.money.Money;
import java.time.Instant;

/**
 * Something the provider says happened, already reduced to what the ledger needs.
 *
 * @param eventId the provider's event id (evt_…), for de-duplication and the polling cursor
 * @param kind PAID (a one-time payment or a subscription invoice), CANCELLED (a subscription ended)
 * @param transactionId what keys the payment exactly once: the payment intent id for one-time
 *     plans, the invoice id for subscriptions (the first invoice included)
 * @param reference the order's reference (client_reference_id / metadata), when the event has it
 */
public record PaymentEvent(
    String eventId,
    Kind kind,
    String transactionId,
    String reference,
    String email,
    String subscriptionId,
    Money amount,
    Instant at) {

  public enum Kind {
    PAID,
    CANCELLED
  }
}
