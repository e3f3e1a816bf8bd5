package io.usher.domain.payments;

import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.money.Money;
import java.time.Instant;

/**
 * A payment a provider reported that matches no user: it waits for the owner, who assigns it to a
 * user (it becomes a ledger payment) or dismisses it with a reason. Either way it stays, so the
 * same transaction is never imported again.
 *
 * @param amount what was paid, or null when the provider did not say
 * @param why why no user was chosen, as the owner reads it
 * @param reason the owner's reason for a dismissal
 * @param paymentId the ledger payment it became, once assigned
 */
public record UnmatchedPayment(
    long id,
    PaymentSource provider,
    String txn,
    String payerEmail,
    Money amount,
    Instant paidAt,
    String subscriptionId,
    String why,
    Status status,
    String reason,
    Long paymentId,
    Instant receivedAt,
    Instant resolvedAt) {

  public enum Status {
    WAITING,
    ASSIGNED,
    DISMISSED
  }

  /** The longest dismissal reason the store holds. */
  public static final int MAX_REASON = 500;

  /** The longest "why" the store holds; a longer one is cut. */
  public static final int MAX_WHY = 500;
}
